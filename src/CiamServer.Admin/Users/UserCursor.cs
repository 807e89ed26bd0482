using System.Buffers.Text;
using System.Text.Json;

namespace CiamServer.Admin.Users;

/// <summary>Where a page ended: the last user's sort key and id, and which search it belongs to. Opaque to callers
/// (base64url JSON); a cursor of another search, or one that does not decode, is refused.</summary>
internal sealed record UserCursor(string? Key, Guid Id, string Search)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web));

    public static bool TryDecode(string text, string search, out UserCursor? cursor)
    {
        cursor = null;
        if (text.Length > 1024)
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<UserCursor>(Base64Url.DecodeFromChars(text), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }

        return cursor is not null && cursor.Search == search;
    }
}
