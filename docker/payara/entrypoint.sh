#!/bin/sh
# Entry point of the Payara Micro image: the JVM (options from JVM_ARGS) runs payara-micro.jar with
# the container's arguments (the image's CMD unless `docker run` gives others). exec: the JVM is
# PID 1 and gets SIGTERM from `docker stop` (Payara Micro then undeploys cleanly).
set -eu
# shellcheck disable=SC2086 # JVM_ARGS holds several options
exec java -XX:MaxRAMPercentage=70 ${JVM_ARGS:-} -jar /opt/payara/payara-micro.jar "$@"
