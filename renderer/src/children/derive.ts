// The parts of a child's file that follow from its relatives: caregiver, who is detained now,
// and the guardianship reading. The core computes them in children.get; this mirrors that
// (db/children/handlers.ts childFile, model.ts deriveGuardianship) so the header stays right
// after a relative or custody change without reading the file again, because every
// children.get is an audited view. Delete this once the relation/custody writes return the
// refreshed file parts.
import type { CustodyMeasure } from '../../../db/children/codes';
import { type ParentFacts, readGuardianship } from '../../../db/children/guardianship';
import type { ChildFile, ChildProfile, PersonLink } from './types';

type Derived = Pick<ChildFile, 'caregiver' | 'detained' | 'guardianship'>;

function parentFacts(relations: PersonLink[], relation: 'father' | 'mother'): ParentFacts | null {
  const link = relations.find((l) => l.relation === relation);
  if (!link) return null;
  return {
    deceasedOn: link.person.deceasedOn,
    missingSince: link.person.missingSince,
    severeDisability: link.person.severeDisability,
    severeIllness: link.person.severeIllness,
    custody: link.custody.map((c) => ({
      measure: c.measure as CustodyMeasure,
      startDate: c.startDate,
      actualRelease: c.actualRelease,
    })),
  };
}

export function isInCustody(c: { startDate: string; actualRelease: string | null }, day: string): boolean {
  return c.startDate <= day && (!c.actualRelease || c.actualRelease > day);
}

export function deriveFileParts(profile: ChildProfile, relations: PersonLink[], day: string): Derived {
  const caregiverLink =
    relations.find((r) => r.person.id === profile.caregiverPersonId) ??
    relations.find((r) => r.isCaregiver) ??
    null;
  const detained = relations.flatMap((r) =>
    r.custody
      .filter((c) => isInCustody(c, day))
      .map((c) => ({
        personId: r.person.id,
        name: r.person.name,
        relation: r.relation,
        measure: c.measure,
        expectedRelease: c.expectedRelease,
      })),
  );
  const reading = readGuardianship(parentFacts(relations, 'father'), parentFacts(relations, 'mother'), day);
  return {
    caregiver: caregiverLink
      ? {
          name: caregiverLink.person.name,
          phone: caregiverLink.person.phone,
          relation: caregiverLink.relation,
        }
      : null,
    detained,
    guardianship: {
      ...reading,
      effectiveSituation: reading.situation ?? profile.guardianshipSituation,
      derived: reading.situation !== null,
      flagDeFactoUnsupported:
        reading.eligibleDeFactoUnsupported &&
        profile.status === 'active' &&
        !profile.categories.includes('deFactoUnsupported'),
    },
  };
}
