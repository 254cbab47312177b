using CoopApi.Domain.Common;

namespace CoopApi.Domain.ApiKeys;

/// <summary>The rules of an API key's fields, with their codes and texts.</summary>
public static class ApiKeyRules
{
    /// <summary>Longest name (trimmed).</summary>
    public const int NameMaxLength = 100;

    /// <summary>The province entry that means every province (a national system).</summary>
    public const string National = "*";

    /// <summary>Most province entries of one key (34 provinces today).</summary>
    public const int MaxProvinces = 64;

    /// <summary>What actor ids of API keys start with.</summary>
    public const string ActorPrefix = "apikey:";

    /// <summary>The actor id of requests made with the key of this prefix.</summary>
    public static string ActorIdOf(string prefix) => ActorPrefix + prefix;

    /// <summary>The name: required, at most <see cref="NameMaxLength"/> characters once trimmed.</summary>
    public static DomainError? CheckName(string? name) =>
        FreeText.CheckRequired("name", name, NameMaxLength, Errors.NameRequired);

    /// <summary>Errors of API key fields.</summary>
    public static class Errors
    {
        /// <summary>No name given.</summary>
        public static readonly DomainError NameRequired = new("name", "name.required",
            "Name the key after the system that will use it.", "Hãy đặt tên khóa theo hệ thống sẽ sử dụng nó.");

        /// <summary>Scopes missing or unknown.</summary>
        public static readonly DomainError ScopesInvalid = new("scopes", "scopes.invalid",
            "Give one or more scopes of: read, write, classify, admin.",
            "Hãy nêu một hoặc nhiều phạm vi trong: read, write, classify, admin.");

        /// <summary>Provinces missing, or <c>*</c> mixed with codes.</summary>
        public static readonly DomainError ProvincesInvalid = new("provinces", "provinces.invalid",
            "Give one or more current province codes, or \"*\" alone for every province.",
            "Hãy nêu một hoặc nhiều mã tỉnh hiện hành, hoặc chỉ \"*\" cho mọi tỉnh.");

        /// <summary>The expiry is not in the future.</summary>
        public static readonly DomainError ExpiresInPast = new("expiresAt", "expiresAt.notInFuture",
            "expiresAt must be in the future.", "expiresAt phải là một thời điểm trong tương lai.");

        /// <summary>A scope that does not exist.</summary>
        public static DomainError ScopeUnknown(string scope) => new("scopes", "scopes.unknown",
            $"Unknown scope '{scope}'; the scopes are read, write, classify and admin.",
            $"Phạm vi '{scope}' không tồn tại; các phạm vi là read, write, classify và admin.");

        /// <summary>A province code that is not a current province.</summary>
        public static DomainError ProvinceUnknown(string code) => new("provinces", "provinces.unknown",
            $"'{code}' is not the code of a current province (GET /api/v1/administrative-units/provinces lists them), nor \"*\".",
            $"'{code}' không phải mã của một tỉnh hiện hành (xem GET /api/v1/administrative-units/provinces), cũng không phải \"*\".");
    }
}
