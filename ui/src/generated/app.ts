// Generated from src-tauri by `cargo test -p zta-designer` with ZTA_UPDATE_GENERATED=1.
// Do not edit: change the Rust types instead.

import type { Design as RawDesign } from "./model";
import type { Finding } from "../model/findings";

export type ErrorPayload = { 
/**
 * A stable, machine-readable code such as `load_failed` or `no_file`.
 */
code: string, 
/**
 * A sentence for the person at the keyboard.
 */
message: string, };

export type OpenedDesign = { 
/**
 * The file name for the title bar, or none for a design never saved.
 */
file_name: string | null, 
/**
 * The design, in the JSON form of the file format.
 */
design: RawDesign, 
/**
 * Whether this is an autosaved copy recovered after a crash (so it is unsaved work).
 */
recovered: boolean, };

export type RecentFile = { 
/**
 * The full path, shown as a tooltip and passed back to `open_recent`.
 */
path: string, 
/**
 * The file name, shown in the menu.
 */
name: string, };

export type Validation = { 
/**
 * Problems that would stop the file from loading (dangling references and the like).
 */
problems: Array<Problem>, 
/**
 * The rules' findings, in the stable JSON shape of `zta validate --format json`.
 */
findings: Array<Finding>, };

export type Problem = { 
/**
 * Where in the document, e.g. `components[3].segment`.
 */
path: string, 
/**
 * What is wrong.
 */
message: string, 
/**
 * The obvious fix, when there is one.
 */
help: string | null, };
