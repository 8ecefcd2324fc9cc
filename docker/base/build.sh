#!/bin/sh
# Builds the local base images of docker/*/Dockerfile from Debian packages, without any image
# registry: debootstrap makes a minimal Debian rootfs, `docker import` turns it into an image.
#
#   opengms-debian:bookworm  Debian 12 minbase + curl + ca-certificates (PostgreSQL, HAProxy)
#   opengms-jre:bookworm     the above + openjdk-17-jre-headless (WildFly, Payara Micro)
#
# An image that already exists is kept (delete it with `docker rmi` to rebuild it, e.g. for
# security updates). Needs root (debootstrap), network access to a Debian mirror (DEBIAN_MIRROR,
# default http://deb.debian.org/debian) and a Docker engine (started here if none runs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=docker/lib.sh
. "$here/../lib.sh"

suite=bookworm
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
debian_image="${GMS_DEBIAN_IMAGE:-opengms-debian:bookworm}"
jre_image="${GMS_JRE_IMAGE:-opengms-jre:bookworm}"

ensure_docker

if image_exists "$debian_image"; then
  echo "base: $debian_image exists, kept"
else
  if ! command -v debootstrap >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  rootfs=$(mktemp -d /tmp/opengms-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  echo "base: debootstrap $suite (minbase) into $rootfs"
  debootstrap --variant=minbase --include=curl,ca-certificates "$suite" "$rootfs" "$mirror" \
    >"$rootfs.log" 2>&1 || { tail -30 "$rootfs.log" >&2; exit 1; }
  rm -f "$rootfs.log"
  # The image's apt: the same mirror and the security updates; no recommends, no package lists,
  # no downloaded .debs left in the image.
  cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
SOURCES
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$rootfs/etc/apt/apt.conf.d/90opengms"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/tmp/*
  tar -C "$rootfs" -c . | docker import \
    -c 'ENV LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["/bin/bash"]' - "$debian_image" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
  echo "base: $debian_image imported"
fi

if image_exists "$jre_image"; then
  echo "base: $jre_image exists, kept"
else
  log=$(mktemp)
  docker build -q --build-arg BASE_IMAGE="$debian_image" -t "$jre_image" -f "$here/jre.Dockerfile" "$here" \
    >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
  echo "base: $jre_image built"
fi
