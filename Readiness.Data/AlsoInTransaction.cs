using System.Data;
using System.Data.Common;

namespace Readiness.Data;

/// <summary>
/// More to write in the same transaction as <paramref name="written"/>, e.g. the answer to an <c>Idempotency-Key</c>:
/// it lands with the write or not at all.
/// </summary>
public delegate void AlsoInTransaction<in T>(DbConnection connection, IDbTransaction transaction, T written);
