# The Java base of the OpenGMS images: Debian's OpenJDK 17 runtime on the local Debian base
# (docker/base/build.sh builds both). Java 17: the version the project builds and tests with.
ARG BASE_IMAGE=opengms-debian:bookworm
FROM ${BASE_IMAGE}
# The package's post-install step wants the man page folder that minbase leaves out.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && java -version
