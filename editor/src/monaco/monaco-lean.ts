/**
 * The parts of Monaco the editor uses: the code editor with its everyday features, and the JSON
 * language (with its schema checks). Every other language and its worker stays out of the build.
 */
import 'monaco-src/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-src/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-src/editor/browser/coreCommands.js';
import 'monaco-src/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-src/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-src/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-src/editor/contrib/comment/browser/comment.js';
import 'monaco-src/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-src/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-src/features/find/register.js';
import 'monaco-src/editor/contrib/find/browser/findController.js';
import 'monaco-src/editor/contrib/folding/browser/folding.js';
import 'monaco-src/editor/contrib/format/browser/formatActions.js';
import 'monaco-src/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-src/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-src/editor/contrib/indentation/browser/indentation.js';
import 'monaco-src/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-src/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-src/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-src/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-src/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-src/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-src/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-src/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-src/editor/common/standaloneStrings.js';

export { Uri, editor } from 'monaco-editor/editor/editor.api';
export { jsonDefaults } from 'monaco-editor/languages/features/json/register';
