using System.Security.Cryptography;
using System.Text;

namespace CoopApi.Domain.ApiKeys;

/// <summary>
/// The format of an API key and how it is stored. A key reads
/// <c>coop_abcd2345_&lt;43 characters&gt;</c>: the visible prefix (<c>coop_</c> and 8 characters
/// of an unambiguous alphabet, 40 random bits, unique, used to find the key) and a secret of 32
/// random bytes (256 bits) in base64url. Only the SHA-256 hash of the whole key is stored.
/// </summary>
/// <remarks>
/// A slow key-derivation function (bcrypt, Argon2) protects low-entropy secrets such as
/// passwords against guessing after a database leak. A 256-bit random secret cannot be guessed,
/// hashed fast or slow, so one SHA-256 is as safe here and keeps checking a key to microseconds
/// on every request. Hashes are compared in constant time.
/// </remarks>
public static class ApiKeySecret
{
    /// <summary>What every key starts with (lets secret scanners recognise a leaked key).</summary>
    public const string Marker = "coop_";

    /// <summary>Length of the random part of the prefix.</summary>
    public const int PrefixRandomLength = 8;

    /// <summary>Length of the visible prefix, <c>coop_</c> included.</summary>
    public const int PrefixLength = 13;

    /// <summary>Length of a whole key: prefix, <c>_</c>, 43 characters of secret.</summary>
    public const int KeyLength = PrefixLength + 1 + 43;

    /// <summary>The prefix alphabet: lower-case letters and digits without 0, 1, l and o.</summary>
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Makes a new random key; returns it with its prefix and its hash.</summary>
    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        Span<char> prefix = stackalloc char[PrefixRandomLength];
        for (var i = 0; i < prefix.Length; i++)
        {
            prefix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var visible = Marker + new string(prefix);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = visible + "_" + secret;
        return (key, visible, Hash(key));
    }

    /// <summary>The prefix of a key that has the shape of one of ours, else null (nothing to look up).</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length != KeyLength || !key.StartsWith(Marker, StringComparison.Ordinal) || key[PrefixLength] != '_')
        {
            return null;
        }

        for (var i = Marker.Length; i < PrefixLength; i++)
        {
            if (!Alphabet.Contains(key[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return key[..PrefixLength];
    }

    /// <summary>SHA-256 of the whole key (UTF-8).</summary>
    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="storedHash"/>; constant time.</summary>
    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
