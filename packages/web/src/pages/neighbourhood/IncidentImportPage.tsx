import { INCIDENT_COLUMNS, type IncidentColumn } from '@wijkregie/shared';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { type CsvColumn, CsvImport } from '../../components/CsvImport.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';

/** What goes in each column of a partner's incident export (docs/integration.md). */
const MEANING: Record<IncidentColumn, string> = {
  source: 'wie het registreerde, zoals Politie of Handhaving',
  externalId: 'het nummer bij de bron (met de bron uniek: tweemaal is een dubbele)',
  category: 'de soort, als code of als naam (overlast jeugd, inbraak, …)',
  occurredAt: 'datum en tijd: JJJJ-MM-DD UU:MM, DD-MM-JJJJ UU:MM of ISO 8601; een datum alleen is 12 uur',
  street: 'straat',
  houseNumber: 'huisnummer',
  postalCode: 'postcode (1234 AB)',
  lat: 'breedtegraad (WGS84), met lng: bepaalt de buurt',
  lng: 'lengtegraad (WGS84)',
  description: 'omschrijving, zonder namen',
};
const COLUMNS: readonly CsvColumn[] = INCIDENT_COLUMNS.map((name) => ({ name, meaning: MEANING[name] }));

export function IncidentImportPage() {
  return (
    <Permitted permission="incidents.write" title="Incidenten importeren">
      <IncidentImport />
    </Permitted>
  );
}

function IncidentImport() {
  usePageTitle('Incidenten importeren');
  return (
    <>
      <PageHeading>Incidenten importeren</PageHeading>
      <Paragraph>
        Lees de export van een partner in, zoals de incidenten van politie of handhaving. Elke regel is een
        gebeurtenis op een plek, nooit over een persoon. Regels met fouten worden overgeslagen en hieronder
        met hun regelnummer genoemd; een regel met een bron en nummer die al bekend zijn telt als dubbel,
        zodat hetzelfde bestand opnieuw inlezen niets verdubbelt.{' '}
        <Link to="/wijkbeeld">Terug naar het wijkbeeld</Link>
      </Paragraph>
      <CsvImport
        id="incident-import"
        noun={['incident', 'incidenten']}
        run={api.importIncidents}
        current={api.currentIncidentImport}
        columns={COLUMNS}
        dateNote="Tijdstippen in Nederlandse tijd; niet in de toekomst."
      />
    </>
  );
}
