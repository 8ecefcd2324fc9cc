#!/bin/sh
# Container health check for OpenGMS (the images' HEALTHCHECK): healthy while the GMS Node API
# answers ONLINE. It answers OFFLINE from the moment the application begins to shut down, and
# nothing while it is still deploying or after a failed deployment: all three count as unhealthy.
#
# Uses curl or wget, whichever the image has (the Dockerfiles make sure one of them is there).
# GMS_HEALTHCHECK_URL overrides the URL (e.g. when the HTTP port is changed inside the container).
set -u

url="${GMS_HEALTHCHECK_URL:-http://127.0.0.1:8080/genesys/1/admin/node/status}"

if command -v curl >/dev/null 2>&1; then
  status=$(curl -fsS --max-time 3 "$url") || exit 1
elif command -v wget >/dev/null 2>&1; then
  status=$(wget -q -T 3 -O - "$url") || exit 1
else
  echo "healthcheck: neither curl nor wget in this image" >&2
  exit 1
fi

if [ "$status" != "ONLINE" ]; then
  echo "healthcheck: node status is '$status'" >&2
  exit 1
fi
