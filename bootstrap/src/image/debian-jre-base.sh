#!/usr/bin/env bash
# Builds a Java 17 runtime base image from Debian packages alone (mmdebstrap: the essential packages
# plus openjdk-17-jre-headless), written as a `docker save` tarball, the form Jib reads through
# `tar://` (ADR 0075). Where no container registry can be reached (CI, air-gapped networks with a
# Debian mirror) this is the base the image is built and started on.
#
#   debian-jre-base.sh OUTPUT.tar
#
# Kept as it is when OUTPUT.tar is newer than this script: a rebuild takes a minute or more and
# downloads about 90 MB (113 packages); delete the file (or `./mvnw clean`) for the mirror's latest.
# Needs mmdebstrap (Debian package of that name); as root it builds in a chroot, otherwise in a user
# namespace where the kernel allows one.
set -euo pipefail

out=${1:?usage: debian-jre-base.sh OUTPUT.tar}
mkdir -p "$(dirname "$out")"
# One build at a time for one output: CI starts one ahead of Maven, whose own step then waits here
# and keeps what the first one wrote.
exec 9>"$out.lock"
flock 9
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
if [ -s "$out" ] && [ "$out" -nt "$0" ]; then
  echo "debian-jre-base: keeping $out (delete it to rebuild)"
  exit 0
fi
command -v mmdebstrap >/dev/null || { echo "debian-jre-base: needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 1; }

arch=$(dpkg --print-architecture)
java_home=/usr/lib/jvm/java-17-openjdk-$arch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Fixed file times: two builds from the same packages then differ in one file only, the JRE's CA
# keystore, which ca-certificates-java writes with a random salt.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1}
# Documentation, manual pages and translations are left out (copyright files stay); the JRE's
# maintainer script still registers a manual page with update-alternatives, so its folder must exist.
# No /dev nodes: the container runtime provides /dev.
mmdebstrap --quiet --variant=essential --include=openjdk-17-jre-headless \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --skip=output/dev \
  "$suite" "$work/layer.tar" \
  "deb $mirror $suite main" "deb $mirror $suite-updates main" "deb $security $suite-security main"

# `docker save` layout: manifest.json names the config and the one layer; the config lists the
# layer's digest (of the uncompressed tar) and the environment every container of it starts with.
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"mmdebstrap --variant=essential --include=openjdk-17-jre-headless $suite"}]}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["debian-jre:17-$suite"],"Layers":["layer.tar"]}]
JSON
tar --create --file "$out.partial" --directory "$work" --owner=0 --group=0 --numeric-owner \
  --mtime="@$SOURCE_DATE_EPOCH" manifest.json config.json layer.tar
mv "$out.partial" "$out"
echo "debian-jre-base: wrote $out ($(du -h "$out" | cut -f1), layer $diff_id)"
