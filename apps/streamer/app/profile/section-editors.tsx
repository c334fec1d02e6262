'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  streamerContentSchema,
  streamerDemographicsSchema,
  streamerDisplayNameSchema,
} from '@gametriggers/contracts';
import type { UpdateStreamerProfileInput } from '@gametriggers/contracts';
import { Alert, Button, Card, Field } from '@gametriggers/ui';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ContentFields } from '../../components/streamer-profile/content-fields';
import { DemographicsFields } from '../../components/streamer-profile/demographics-fields';
import type { ContentDraft, DemographicsDraft } from '../../components/streamer-profile/drafts';
import { contentInputOf, demographicsInputOf } from '../../components/streamer-profile/drafts';
import type { FieldErrors } from '../../components/streamer-profile/field-errors';
import {
  fieldErrorsOfIssues,
  fieldErrorsOfServer,
} from '../../components/streamer-profile/field-errors';

type Save = (input: UpdateStreamerProfileInput) => Promise<ActionResult<null>>;

/** A profile section: its summary, or its form while editing. */
function EditableSection({
  title,
  testId,
  summary,
  form,
  onSubmit,
  onCancel,
  error,
  pending,
}: {
  title: string;
  testId: string;
  summary: ReactNode;
  form: ReactNode;
  onSubmit: () => Promise<boolean>;
  onCancel: () => void;
  error: string | undefined;
  pending: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">{title}</h2>
        {editing ? null : (
          <Button
            type="button"
            variant="secondary"
            onClick={() => setEditing(true)}
            data-testid={`edit-${testId}`}
          >
            Edit
          </Button>
        )}
      </div>
      {editing ? (
        <form
          className="space-y-5"
          data-testid={`form-${testId}`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void onSubmit().then((saved) => saved && setEditing(false));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          {form}
          <div className="flex gap-3">
            <Button type="submit" loading={pending} data-testid={`save-${testId}`}>
              Save
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                onCancel();
                setEditing(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div data-testid={`section-${testId}`}>{summary}</div>
      )}
    </Card>
  );
}

function useSave(save: Save) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function send(input: UpdateStreamerProfileInput): Promise<boolean> {
    setPending(true);
    setError(undefined);
    try {
      const result = await save(input);
      if (result.ok) return true;
      setError(result.error.message);
      setErrors(fieldErrorsOfServer(result.error.fieldErrors));
      return false;
    } finally {
      setPending(false);
    }
  }
  return {
    errors,
    setErrors,
    error,
    pending,
    send,
    reset: () => (setErrors({}), setError(undefined)),
  };
}

const under = (errors: FieldErrors, prefix: string): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith(`${prefix}.`))
      .map(([key, message]) => [key.slice(prefix.length + 1), message]),
  );

export function ContentEditor({
  initialName,
  initialContent,
  summary,
  save,
}: {
  initialName: string;
  initialContent: ContentDraft;
  summary: ReactNode;
  save: Save;
}) {
  const [displayName, setDisplayName] = useState(initialName);
  const [content, setContent] = useState(initialContent);
  const state = useSave(save);
  return (
    <EditableSection
      title="Channel & content"
      testId="content"
      summary={summary}
      error={state.error}
      pending={state.pending}
      onCancel={() => {
        setDisplayName(initialName);
        setContent(initialContent);
        state.reset();
      }}
      onSubmit={async () => {
        const name = streamerDisplayNameSchema.safeParse(displayName);
        const parsed = streamerContentSchema.safeParse(contentInputOf(content));
        const found = {
          ...(name.success ? {} : fieldErrorsOfIssues(name.error.issues, 'displayName')),
          ...(parsed.success ? {} : fieldErrorsOfIssues(parsed.error.issues, 'content')),
        };
        state.setErrors(found);
        if (Object.keys(found).length) return false;
        return state.send({ displayName, content: contentInputOf(content) });
      }}
      form={
        <>
          <Field
            id="edit-display-name"
            label="Display name"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            error={state.errors.displayName}
          />
          <ContentFields
            draft={content}
            onChange={setContent}
            errors={under(state.errors, 'content')}
            idPrefix="edit-content"
          />
        </>
      }
    />
  );
}

export function DemographicsEditor({
  initial,
  summary,
  save,
}: {
  initial: DemographicsDraft;
  summary: ReactNode;
  save: Save;
}) {
  const [draft, setDraft] = useState(initial);
  const state = useSave(save);
  return (
    <EditableSection
      title="Audience & schedule"
      testId="demographics"
      summary={summary}
      error={state.error}
      pending={state.pending}
      onCancel={() => {
        setDraft(initial);
        state.reset();
      }}
      onSubmit={async () => {
        const parsed = streamerDemographicsSchema.safeParse(demographicsInputOf(draft));
        const found = parsed.success
          ? {}
          : fieldErrorsOfIssues(parsed.error.issues, 'demographics');
        state.setErrors(found);
        if (Object.keys(found).length) return false;
        return state.send({ demographics: demographicsInputOf(draft) });
      }}
      form={
        <DemographicsFields
          draft={draft}
          onChange={setDraft}
          errors={under(state.errors, 'demographics')}
          idPrefix="edit-demographics"
        />
      }
    />
  );
}
