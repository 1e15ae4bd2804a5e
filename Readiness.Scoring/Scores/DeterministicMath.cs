namespace Readiness.Scoring.Scores;

/// <summary>
/// Exp and Log from +, −, ×, ÷ only. Math.Exp and Math.Log call the platform's C library, whose
/// last bit may differ between operating systems; the illustrative generator compares such values
/// with random thresholds, so one different bit could flip an answer. These are accurate to a few
/// ulps, which is plenty, and give the same bits everywhere.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;

    public static double Exp(double x)
    {
        if (x > 700)
        {
            return double.PositiveInfinity;
        }

        if (x < -700)
        {
            return 0;
        }

        var k = Math.Round(x / Ln2);
        var r = x - (k * Ln2);
        double term = 1, sum = 1;
        for (var j = 1; j <= 20; j++)
        {
            term = term * r / j;
            sum += term;
        }

        return Math.ScaleB(sum, (int)k);
    }

    public static double Log(double x)
    {
        if (!(x > 0) || !double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive finite number.");
        }

        // x = m · 2^e with m in [1, 2); shift m into [√½, √2) so the series converges fast.
        var bits = BitConverter.DoubleToInt64Bits(x);
        var e = (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (e == -1023)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Subnormal numbers are not supported.");
        }

        if (m > 1.4142135623730951)
        {
            m /= 2;
            e++;
        }

        // ln m = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| < 0.172.
        var s = (m - 1) / (m + 1);
        var s2 = s * s;
        double power = s, sum = 0;
        for (var j = 1; j <= 41; j += 2)
        {
            sum += power / j;
            power *= s2;
        }

        return (e * Ln2) + (2 * sum);
    }

    public static double Logistic(double t) => 1 / (1 + Exp(-t));
}
