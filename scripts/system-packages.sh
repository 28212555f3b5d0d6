#!/usr/bin/env bash
# Installs the Debian packages inkmuse can use (CJK fonts for inscriptions, fluidsynth and a
# General MIDI SoundFont for audio, abcmidi so the music tests can play the ABC back,
# lilypond so they can engrave the MusicXML). Only
# as root, and never fatal: the code degrades with a clear message when a package is missing.
# Chromium drives the studio's browser tests.
set -u
PKGS=(fonts-lxgw-wenkai fonts-arphic-ukai fonts-dejavu-core fluidsynth timgm6mb-soundfont abcmidi lilypond chromium)
if [ "$(id -u)" != "0" ]; then
  echo "system-packages: not root; skipping apt-get for: ${PKGS[*]}"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "system-packages: no apt-get here; skipping ${PKGS[*]}"
  exit 0
fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "system-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || echo "system-packages: apt-get update failed; trying the install anyway"
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
  || echo "system-packages: could not install ${missing[*]}; inkmuse will say what is missing when it needs it"
exit 0
