/** 3-D rotations as plain 3×3 matrices (rows), for simulating a phone's orientation. */

/** A 3×3 matrix as three rows. */
export type Matrix3 = readonly (readonly number[])[];

/** Returns the rotation by `angleRad` about the unit vector `axis` (right-handed, Rodrigues' formula). */
export function rotation(axis: readonly number[], angleRad: number): Matrix3 {
  const [x, y, z] = axis;
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  const t = 1 - c;
  return [
    [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
    [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
    [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
  ];
}

/** Returns the product a · b. */
export function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  return a.map((row) => [0, 1, 2].map((j) => row[0] * b[0][j] + row[1] * b[1][j] + row[2] * b[2][j]));
}

/** Returns mᵀ · v: a world vector seen in the frame that `m` maps to the world. */
export function applyTransposed(m: Matrix3, v: readonly number[]): number[] {
  return [0, 1, 2].map((j) => m[0][j] * v[0] + m[1][j] * v[1] + m[2][j] * v[2]);
}

/** Returns a rotation drawn uniformly from all orientations (Shoemake's random unit quaternion). */
export function randomRotation(random: () => number): Matrix3 {
  const [u1, u2, u3] = [random(), random(), random()];
  const w = Math.sqrt(1 - u1) * Math.sin(2 * Math.PI * u2);
  const x = Math.sqrt(1 - u1) * Math.cos(2 * Math.PI * u2);
  const y = Math.sqrt(u1) * Math.sin(2 * Math.PI * u3);
  const z = Math.sqrt(u1) * Math.cos(2 * Math.PI * u3);
  return [
    [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
    [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
    [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
  ];
}
