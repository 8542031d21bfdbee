#!/usr/bin/env bash
# Builds the local stand-in for the eclipse-temurin base images (no registry is reachable here):
# Debian bookworm minbase with OpenJDK 17 (a JDK, so the builder can use it too), imported into
# podman as localhost/fnkit-base:test.
# Cached: skipped when an image built from this same recipe exists.
set -euo pipefail
IMAGE=${IMAGE:-localhost/fnkit-base:test}
recipe=$(sha256sum "$0" | cut -c1-12)
if podman image exists "$IMAGE" && [ "$(podman image inspect "$IMAGE" --format '{{ index .Labels "recipe" }}' 2>/dev/null)" = "$recipe" ]; then
  echo "base image $IMAGE is up to date (recipe $recipe)"
  exit 0
fi
rootfs=$(mktemp -d /var/tmp/fnkit-rootfs.XXXXXX)
trap 'umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase bookworm "$rootfs" >/dev/null
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless ca-certificates >/dev/null
umount "$rootfs/proc"
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | podman import --change "LABEL recipe=$recipe" - "$IMAGE" >/dev/null
echo "built base image $IMAGE (recipe $recipe)"
