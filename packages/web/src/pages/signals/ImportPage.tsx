import { CREDITOR_IMPORT_REFUSAL } from '@wijkregie/shared';
import { api } from '../../api/endpoints.ts';
import { type CsvColumn, CsvImport } from '../../components/CsvImport.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { NoAccessPage, Permitted } from '../../components/Permitted.tsx';
import { useMayImportCreditorSignals } from '../../lib/navigation.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignalsNav } from './SignalParts.tsx';

/** The columns of the creditor file (docs/integration.md), in the documented order, with what goes in them. */
const COLUMNS: readonly CsvColumn[] = [
  { name: 'creditorType', meaning: 'energie, water, huur of zorgverzekering' },
  { name: 'creditorName', meaning: 'naam van de schuldeiser' },
  { name: 'reference', meaning: 'kenmerk bij de schuldeiser (met de naam uniek: tweemaal is een dubbele)' },
  { name: 'signalDate', meaning: 'datum van het signaal' },
  { name: 'lastName', meaning: 'achternaam' },
  { name: 'initials', meaning: 'voorletters' },
  { name: 'birthDate', meaning: 'geboortedatum' },
  { name: 'street', meaning: 'straat' },
  { name: 'houseNumber', meaning: 'huisnummer' },
  { name: 'postalCode', meaning: 'postcode (1234 AB)' },
  { name: 'city', meaning: 'plaats' },
  { name: 'arrearsAmount', meaning: 'achterstand in euro, met komma of punt' },
  { name: 'arrearsSince', meaning: 'datum sinds wanneer de achterstand er is' },
  { name: 'endOfSupply', meaning: 'ja of nee: dreigt afsluiting' },
];

export function ImportPage() {
  return (
    <Permitted permission="signals.import" title="Vroegsignalen importeren">
      <ImportForOwnPartner />
    </Permitted>
  );
}

/** The role is not all: the user's organisation must be one that may import (the shared rule, as the server's). */
function ImportForOwnPartner() {
  const mayImport = useMayImportCreditorSignals();
  if (mayImport === undefined)
    return <Paragraph aria-busy="true">Even kijken of je mag importeren…</Paragraph>;
  if (!mayImport) return <NoAccessPage title="Vroegsignalen importeren" reason={CREDITOR_IMPORT_REFUSAL} />;
  return <Import />;
}

function Import() {
  usePageTitle('Vroegsignalen importeren');
  return (
    <>
      <SignalsNav />
      <PageHeading>Vroegsignalen importeren</PageHeading>
      <Paragraph>
        Lees een bestand met signalen van schuldeisers (energie, water, huur, zorgverzekering) in. Geldige
        regels worden signalen; regels met fouten worden overgeslagen en hieronder met hun regelnummer
        genoemd. Alleen de regisseur en medewerkers van de gemeente, schuldhulpverlening en het wijkteam mogen
        importeren.
      </Paragraph>
      <CsvImport
        id="import"
        noun={['signaal', 'signalen']}
        run={api.importSignals}
        current={api.currentImport}
        progressOf={api.importProgress}
        columns={COLUMNS}
        dateNote="Datums als JJJJ-MM-DD of DD-MM-JJJJ."
      />
    </>
  );
}
