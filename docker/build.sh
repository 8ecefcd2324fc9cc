#!/bin/sh
# Builds the OpenGMS images with no image registry (docker/README.md):
#   opengms-wildfly:local  opengms-payara:local  opengms-postgres:local  opengms-haproxy:local
# on the local Debian base images (docker/base/build.sh, run first). WildFly's zip and Payara
# Micro's jar come from the Maven cache (fetched into it by Maven when missing), in the versions the
# pom tests against, staged in target/docker/; the WAR is target/genesys.war, built by
# `mvn -B package -DskipTests` (run here when it is missing). Starts dockerd when none runs.
# Arguments: the images to build (wildfly payara postgres haproxy; default all).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=docker/lib.sh
. "$here/lib.sh"
cd "$root"

images="${*:-wildfly payara postgres haproxy}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ensure_docker
sh "$here/base/build.sh"

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1
}
# Copies group:artifact:version[:type] from the Maven cache (Maven fetches it if needed) to target/docker/<name>.
stage() {
  if [ ! -s "target/docker/$2" ]; then
    mkdir -p target/docker
    mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory=target/docker/tmp -Dmdep.stripVersion=true \
      >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    mv target/docker/tmp/* "target/docker/$2"
    rmdir target/docker/tmp
  fi
}

if [ ! -s target/genesys.war ]; then
  echo "build: target/genesys.war missing, running mvn -B package -DskipTests"
  mvn -B -q package -DskipTests
fi

for image in $images; do
  case "$image" in
    wildfly)
      v=$(pom_property wildfly.version)
      # the staged zip's version in its name's marker, so a version change re-stages it
      [ -f "target/docker/wildfly-dist.zip.$v" ] || rm -f target/docker/wildfly-dist.zip target/docker/wildfly-dist.zip.*
      stage "org.wildfly:wildfly-dist:$v:zip" wildfly-dist.zip
      touch "target/docker/wildfly-dist.zip.$v"
      base="${GMS_JRE_IMAGE:-opengms-jre:bookworm}"; context=. ;;
    payara)
      v=$(pom_property payara.version)
      [ -f "target/docker/payara-micro.jar.$v" ] || rm -f target/docker/payara-micro.jar target/docker/payara-micro.jar.*
      stage "fish.payara.extras:payara-micro:$v" payara-micro.jar
      touch "target/docker/payara-micro.jar.$v"
      base="${GMS_JRE_IMAGE:-opengms-jre:bookworm}"; context=. ;;
    postgres|haproxy)
      # their own files only: docker/ as the context
      base="${GMS_DEBIAN_IMAGE:-opengms-debian:bookworm}"; context=docker ;;
    *) echo "build: unknown image '$image' (wildfly payara postgres haproxy)" >&2; exit 2 ;;
  esac
  echo "build: opengms-$image:local"
  start=$(date +%s)
  # The build's messages only when it fails (a successful one says nothing but that it is deprecated).
  docker build -q --build-arg BASE_IMAGE="$base" -f "docker/$image/Dockerfile" \
    -t "opengms-$image:local" "$context" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  echo "build: opengms-$image:local done in $(($(date +%s) - start)) s"
done
