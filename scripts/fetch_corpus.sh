#!/usr/bin/env bash
# Fetches the npm package chinese-poetry 2.0.1 (MIT licence) into data/cache/.
# About 85 MB download, 350 MB unpacked. Used for evaluation, prosody frequency tables and
# training the embedded poet; inkmuse itself does not need it at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=data/cache/chinese-poetry-2.0.1
if [ -f "$dest/package/package.json" ]; then
  echo "corpus already at $dest"
  exit 0
fi
mkdir -p "$dest"
( cd "$dest" && npm pack --silent chinese-poetry@2.0.1 >/dev/null && tar xzf chinese-poetry-2.0.1.tgz && rm chinese-poetry-2.0.1.tgz )
echo "corpus: $(find "$dest/package" -name '*.json' | wc -l) JSON files in $dest/package"
