import {
  canMaintainSocialMapEntry,
  hasPermission,
  SOCIAL_MAP_ROLE_LABELS,
  SOCIAL_MAP_ROLES,
  type SocialMapEntry,
  type SocialMapRole,
} from '@wijkregie/shared';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { SocialMapCards } from '../../components/SocialMap.tsx';
import { areaFromParams, areaGroups } from '../../lib/areas.ts';
import { focusSoon } from '../../lib/focus.ts';
import { codeOptions, plural } from '../../lib/format.ts';
import { useAreas, usePartners } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SocialMapEntryForm } from './SocialMapEntryForm.tsx';

const ROLE_OPTIONS = codeOptions(SOCIAL_MAP_ROLES, SOCIAL_MAP_ROLE_LABELS);

function roleFromParams(params: URLSearchParams): SocialMapRole | undefined {
  const role = params.get('rol');
  return SOCIAL_MAP_ROLES.find((r) => r === role);
}

/**
 * The sociale kaart (every logged-in user): who works in a wijk or buurt — by role, with organisation and
 * how and when to reach them — searchable and printable. A professional keeps the people of their own
 * organisation current, the regisseur everybody.
 */
export function SocialMapPage() {
  usePageTitle('Sociale kaart');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const { areaId } = areaFromParams(params);
  const q = params.get('q')?.trim() || undefined;
  const role = roleFromParams(params);
  const areas = useAreas();
  const partners = usePartners();
  const loader = useCallback(
    (signal: AbortSignal) => api.listSocialMap({ areaId, q, role }, signal),
    [areaId, q, role],
  );
  const map = useApiData(loader, 'De sociale kaart kon niet worden geladen.');
  const [editing, setEditing] = useState<SocialMapEntry | 'new' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const mayWrite = hasPermission(user, 'socialmap.write');

  function open(entry: SocialMapEntry | 'new') {
    setStatus(null);
    setEditing(entry);
    focusSoon('sociale-kaart-persoon-form-heading');
  }

  function done(message: string) {
    setEditing(null);
    setStatus(message);
    map.reload();
  }

  const areaName = areaId ? areas.names.get(areaId) : undefined;
  return (
    <div className="wr-social-map-page">
      <PageHeading>{areaName ? `Sociale kaart ${areaName}` : 'Sociale kaart'}</PageHeading>
      <Paragraph>
        Wie werkt er in de wijk: de wijkagent, het wijkteam, de jongerenwerker, de woonconsulent, de
        handhaver, schuldhulp en anderen, met hun organisatie en wanneer ze bereikbaar zijn. Kies een buurt om
        ook de mensen van de hele wijk te zien; kies een wijk om ook die van haar buurten te zien.
      </Paragraph>
      <FilterBar
        id="sociale-kaart-filter"
        label="Sociale kaart doorzoeken"
        params={params}
        fields={[
          {
            key: 'gebied',
            param: 'gebied',
            kind: 'select',
            label: 'Wijk of buurt',
            placeholder: 'De hele gemeente',
            groups: areaGroups(areas.data?.items),
          },
          {
            key: 'q',
            param: 'q',
            kind: 'search',
            label: 'Zoeken',
            description: 'Op naam, rol of organisatie',
          },
          {
            key: 'rol',
            param: 'rol',
            kind: 'select',
            label: 'Rol',
            placeholder: 'Alle rollen',
            options: ROLE_OPTIONS,
          },
        ]}
        onApply={setParams}
      />
      <div className="wr-social-map__toolbar">
        <ButtonGroup>
          <Button onClick={() => window.print()}>Afdrukken</Button>
          {mayWrite && (
            <Button appearance="primary-action" onClick={() => open('new')}>
              Persoon toevoegen
            </Button>
          )}
        </ButtonGroup>
      </div>
      <StatusMessage message={status} />
      <Loaded data={map} loading="De sociale kaart wordt geladen…" busy>
        {(m) => (
          <>
            <Paragraph>
              {plural(m.total, 'professional', 'professionals')}
              {areaName ? ` in ${areaName}` : ''}
              {q ? ` voor „${q}”` : ''}.
            </Paragraph>
            {m.total === 0 ? (
              <Paragraph>
                {q || role
                  ? 'Niemand gevonden. Probeer een andere zoekterm of rol.'
                  : 'Er staat nog niemand op de sociale kaart voor dit gebied.'}
              </Paragraph>
            ) : (
              <SocialMapCards
                items={m.items}
                actions={(p) =>
                  canMaintainSocialMapEntry(user, p.partnerId) && (
                    <ButtonGroup>
                      <Button appearance="subtle" aria-label={`${p.name} wijzigen`} onClick={() => open(p)}>
                        Wijzigen
                      </Button>
                    </ButtonGroup>
                  )
                }
              />
            )}
          </>
        )}
      </Loaded>
      {mayWrite && editing && (
        <SocialMapEntryForm
          key={editing === 'new' ? 'new' : editing.id}
          entry={editing === 'new' ? null : editing}
          areas={areas.data?.items ?? []}
          areaNames={areas.names}
          partners={(partners.data?.items ?? []).filter(
            (p) => p.active && canMaintainSocialMapEntry(user, p.id),
          )}
          defaultAreaId={areaId}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
