import { Button, Flex, Result, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import type { Visit } from './types';
import { VisitEditor } from './VisitEditor';
import { VisitView } from './VisitView';

/**
 * /visits/new?childId=… and /visits/:id. Both routes render this same component, so when the
 * first save turns "new" into a draft with an id and the address follows, nothing remounts:
 * the caseworker keeps typing into the same form.
 */
export function VisitRoute() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const childId = params.get('childId') ?? '';
  const navigate = useNavigate();
  const adopted = useRef<{ id: string; key: string } | null>(null);

  const key = id ? (adopted.current?.id === id ? adopted.current.key : `visit:${id}`) : `new:${childId}`;
  const onDraftId = useCallback(
    (draftId: string) => {
      adopted.current = { id: draftId, key: `new:${childId}` };
      navigate(`/visits/${draftId}`, { replace: true });
    },
    [childId, navigate],
  );

  if (!id && !childId) return <Navigate to="/visits" replace />;
  return <VisitLoader key={key} id={id ?? null} childId={childId} onDraftId={onDraftId} />;
}

type Loaded =
  | { kind: 'editor'; childId: string; childName: string; draft: Visit | null; resumed: boolean }
  | { kind: 'final'; visit: Visit };

function VisitLoader({
  id,
  childId,
  onDraftId,
}: {
  id: string | null;
  childId: string;
  onDraftId: (id: string) => void;
}) {
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onDraftIdRef = useRef(onDraftId);
  onDraftIdRef.current = onDraftId;
  // What this loader opened, fixed at mount: when the address moves on from "new" to the
  // draft's id, the same visit is still open and must not be read again over the typing.
  const [opened] = useState({ id, childId });

  useEffect(() => {
    const { id, childId } = opened;
    let current = true;
    const load = async (): Promise<Loaded> => {
      if (id) {
        const visit = await api('visits.get', { id });
        if (visit.status === 'final') return { kind: 'final', visit };
        return {
          kind: 'editor',
          childId: visit.childId,
          childName: visit.childName,
          draft: visit,
          resumed: true,
        };
      }
      // A child with one of my drafts: that draft comes back instead of a second, empty one.
      const drafts = await api('visits.myDrafts', {});
      const mine = drafts.find((d) => d.childId === childId);
      if (mine) return { kind: 'editor', childId, childName: mine.childName, draft: mine, resumed: true };
      const file = await api('children.get', { id: childId });
      return { kind: 'editor', childId, childName: file.profile.name, draft: null, resumed: false };
    };
    load()
      .then((l) => {
        if (!current) return;
        setLoaded(l);
        if (!id && l.kind === 'editor' && l.draft) onDraftIdRef.current(l.draft.id);
      })
      .catch((err) => {
        const e = toApiCallError(err);
        if (current && e.code !== 'LOCKED') setError(e.message);
      });
    return () => {
      current = false;
    };
  }, [opened]);

  const onFinalized = useCallback((visit: Visit) => setLoaded({ kind: 'final', visit }), []);

  if (error) {
    return (
      <Result
        status="warning"
        title={error}
        extra={<Button onClick={() => navigate('/visits')}>{t('visits.editor.back')}</Button>}
      />
    );
  }
  if (!loaded) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin description={t('visits.editor.loading')} />
      </Flex>
    );
  }
  if (loaded.kind === 'final') return <VisitView visit={loaded.visit} />;
  return (
    <VisitEditor
      childId={loaded.childId}
      childName={loaded.childName}
      draft={loaded.draft}
      resumed={loaded.resumed}
      onCreated={onDraftId}
      onFinalized={onFinalized}
    />
  );
}
