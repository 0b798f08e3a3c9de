// Where proof images live: a small interface, so an object store (S3-compatible) can
// take the bytes when one is configured. The default keeps them in PostgreSQL (bytea, on the
// DeliveryProof row), written in the same transaction as the row that describes them.

export interface StoredBytes {
  /** "postgres", or the adapter's name. */
  storage: string;
  /** The object key for adapters that store outside the database; null for PostgreSQL. */
  storageKey: string | null;
  /** The bytes when they live on the row; null when an adapter holds them. */
  data: Uint8Array<ArrayBuffer> | null;
}

export interface ProofStorage {
  readonly name: string;
  /** Keeps the bytes; returns what the DeliveryProof row records about them. */
  put(key: string, bytes: Buffer): Promise<StoredBytes>;
  /** The bytes of a row written by this adapter, or null when they are gone. */
  get(row: StoredBytes): Promise<Buffer | null>;
}

export const postgresProofStorage: ProofStorage = {
  name: "postgres",
  async put(_key, bytes) {
    return { storage: "postgres", storageKey: null, data: new Uint8Array(bytes) };
  },
  async get(row) {
    return row.data ? Buffer.from(row.data) : null;
  },
};

/** The configured adapter. Only PostgreSQL ships today; an S3 adapter implements the same interface. */
export function proofStorage(): ProofStorage {
  return postgresProofStorage;
}
