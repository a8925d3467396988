/**
 * Values shown on screen before storage has them, keyed by cell. When a write is done (or has
 * failed) its value goes, unless a later edit of the same cell has taken its place.
 */
export function addPending<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  return new Map(map).set(key, value);
}

/** The map without `key` if it still holds `value` there; the same map otherwise. */
export function dropPending<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  if (map.get(key) !== value) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
