import { useQuery } from '@tanstack/react-query';
import { listFacilities, listUnits } from '../api/endpoints';
import type { AdminUnit, Facility } from '../api/types';
import { useSession } from '../auth/useSession';

/** The units inside the caller's own (communes to pick, names to show). */
export function useUnits(): { units: AdminUnit[]; communes: AdminUnit[]; nameOf: (id: string | null | undefined) => string } {
  const { user } = useSession();
  const within = user?.adminUnitId ?? undefined;
  const { data } = useQuery({
    queryKey: ['units', within ?? 'all'],
    queryFn: () => listUnits({ withinUnitId: within, pageSize: 100 }),
    staleTime: 10 * 60_000,
  });
  const units = data?.items ?? [];
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    units,
    communes: units.filter((u) => u.level === 'commune'),
    nameOf: (id) => (id ? (byId.get(id)?.name ?? '') : ''),
  };
}

export function useFacilities(): { facilities: Facility[]; facilityName: (id: string | null | undefined) => string } {
  const { data } = useQuery({ queryKey: ['facilities'], queryFn: listFacilities, staleTime: 10 * 60_000 });
  const facilities = data?.items ?? [];
  const byId = new Map(facilities.map((f) => [f.id, f]));
  return { facilities, facilityName: (id) => (id ? (byId.get(id)?.name ?? '') : '') };
}
