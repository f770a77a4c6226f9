/**
 * The region codes the official SDKs list (the Go SDK's `common/regions` table), for warnings
 * only: a region outside it is stored and sent as given, since new regions appear and the API is
 * the judge (docs/credentials.md, "Regions and endpoints").
 */
import { closest } from '../core/suggest.js';

export const KNOWN_REGIONS: readonly string[] = [
  'ap-guangzhou',
  'ap-shanghai',
  'ap-nanjing',
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
  'ap-hongkong',
  'ap-singapore',
  'ap-jakarta',
  'ap-bangkok',
  'ap-seoul',
  'ap-tokyo',
  'ap-mumbai',
  'na-ashburn',
  'na-siliconvalley',
  'na-toronto',
  'sa-saopaulo',
  'eu-frankfurt',
  'eu-moscow',
  'ap-shanghai-fsi',
  'ap-shenzhen-fsi',
  'ap-guangzhou-open',
];

/** Undefined for a known region; else the known regions closest to it (maybe none). */
export function unknownRegion(region: string): { suggestion: string[] } | undefined {
  if (KNOWN_REGIONS.includes(region)) return undefined;
  return { suggestion: closest(region, KNOWN_REGIONS) };
}
