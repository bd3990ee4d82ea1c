/**
 * The fake Office with an example proposal loaded, for looking at the pane in an ordinary
 * browser without Excel (scripts/preview.js). Imports run in order: the grids first.
 */
import "./previewGrids";
import "./officeFakeBrowser";
