/** A track's cover, small: the stored raster image through an object URL (revoked on unmount), else a raster placeholder. */
import { useEffect, useState } from 'react';
import { useApp } from '../store-context';

/** Image types shown; anything else (SVG above all: it can carry script) gets the placeholder. */
const RASTER_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
/** A 2×2 PNG in the panel colour, scaled up by CSS. */
const PLACEHOLDER_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR42mOwMokBIgYIBQAVngMpvRlAUAAAAABJRU5ErkJggg==';

/** Shows the cover `coverId` (or the placeholder when null, missing or not a raster image). */
export function CoverImage({ coverId, size = 40 }: { coverId: string | null; size?: number }) {
  const loadCover = useApp((s) => s.loadCover);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!coverId) return;
    let objectUrl: string | null = null;
    let live = true;
    void loadCover(coverId)
      .then((blob) => {
        if (!live || !blob || !RASTER_TYPES.has(blob.type)) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [coverId, loadCover]);
  return (
    <img className={url ? 'cover' : 'cover placeholder'} src={url ?? PLACEHOLDER_PNG} width={size} height={size} alt="" data-testid="cover" decoding="async" />
  );
}
