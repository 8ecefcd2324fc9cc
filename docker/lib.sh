#!/bin/sh
# Shared by docker/base/build.sh, docker/build.sh and docker/test.sh (sourced, POSIX sh).

# A Docker engine must answer: if none does and this user may start one (root, dockerd installed),
# start dockerd in the background (log in $GMS_DOCKERD_LOG) and wait for it, at most 60 s.
ensure_docker() {
  if docker info >/dev/null 2>&1; then return 0; fi
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "no Docker engine answers and dockerd is not installed (Debian: apt-get install docker.io)" >&2
    return 1
  fi
  log="${GMS_DOCKERD_LOG:-/tmp/opengms-dockerd.log}"
  echo "starting dockerd (log: $log)"
  nohup dockerd >"$log" 2>&1 &
  # for a caller that wants to stop it again (docker/test.sh)
  # shellcheck disable=SC2034
  GMS_DOCKERD_PID=$!
  i=0
  while ! docker info >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -gt 60 ]; then
      echo "dockerd did not answer within 60 s; last lines of $log:" >&2
      tail -20 "$log" >&2
      return 1
    fi
    sleep 1
  done
}

# True when the image exists locally.
image_exists() {
  docker image inspect "$1" >/dev/null 2>&1
}
