// AssemblyScript source of detect/wasm/hits_wasm.ts (rebuild: `bash scripts/wasm/build.sh`).
//
// Finds keyword hits in UTF-8 bytes, leftmost-longest and non-overlapping, ASCII case folded:
// the same hits, at the same places, as detect/scan.ts's keyword regex finds in the decoded
// text. It knows no keyword itself: detect/hit_scanner.ts writes the tables (a filter for
// sixteen places at a time, and the keywords as a trie). A keyword id is the caller's; ids at
// or above TRIGGER_ID are reserved for the "keyword split by markers" shapes this module
// recognises itself.
//
// The parts: layout.as.ts (memory layout, shared constants), match.as.ts (a keyword at one
// place), chars.as.ts (character classes), read.as.ts (how the gates read a byte), gates.as.ts
// (the rules' gates over bytes) with name_value.as.ts (the name = value gate), scan.as.ts (the
// keyword scan), json.as.ts (a day file's messages), text.as.ts (helpers for the caller).

export { freeOffset, tableOffsets } from "./layout.as";
export { scan } from "./scan.as";
export { gatesPassMode } from "./gates.as";
export { jsonElements } from "./json.as";
export { asciiPrefix, countNewlines, countUnits, innerMarkers } from "./text.as";
