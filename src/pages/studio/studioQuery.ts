// The Studio's query parameters, declared once: a scene carried in the link, or a shipped scene to copy.
import { SHARED_SCENE_PARAM, type QuerySpec } from '../../web/queryParams';

export interface StudioQuery { shared: string | undefined; copy: string | undefined }

export const STUDIO_QUERY: QuerySpec<StudioQuery> = {
  shared: SHARED_SCENE_PARAM,
  copy: { type: 'scene id', help: 'start from a copy of this shipped scene (absent, and no shared scene: a blank stage)', default: undefined, read: (t) => t || undefined, write: (v) => (v ? encodeURIComponent(v) : null) },
};
