// The problems found in an imported file, each with the JSON path where it is, so the user can fix the file.
import type { DatasetIssue } from '../lib/shared/kb/schema';
import { Notice } from './Notice';

const SHOWN = 20;

export function OptionsImportIssues({
  file,
  issues,
  hint,
}: {
  file: string;
  issues: DatasetIssue[];
  hint: string;
}) {
  return (
    <Notice
      tone="error"
      title={`${file} was not imported: ${issues.length === 1 ? 'one problem' : `${issues.length} problems`}. Nothing was changed.`}
    >
      <ul class="issues">
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && <p>…and {issues.length - SHOWN} more.</p>}
      <p>{hint}</p>
    </Notice>
  );
}
