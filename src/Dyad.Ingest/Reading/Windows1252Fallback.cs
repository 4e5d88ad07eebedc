using System.Text;

namespace Dyad.Ingest.Reading;

/// <summary>
/// Decodes UTF-8, and reads any byte that is not valid UTF-8 as Windows-1252 instead of losing it. GTD text in
/// circulation is often Windows-1252, sometimes mixed with UTF-8 in the same file: this reads both without guessing
/// the file's encoding up front, and counts how many bytes needed it so that the import can say so.
/// </summary>
internal sealed class Windows1252Fallback : DecoderFallback
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    public long BytesRepaired { get; private set; }

    public override int MaxCharCount => 4;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>A UTF-8 encoding that uses this fallback and reads (and skips) a byte order mark.</summary>
    public Encoding CreateUtf8() => Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, this);

    private static Encoding CreateWindows1252()
    {
        CodePages.EnsureRegistered();
        return Encoding.GetEncoding(1252);
    }

    private sealed class Buffer(Windows1252Fallback owner) : DecoderFallbackBuffer
    {
        private readonly char[] _chars = new char[8];
        private int _count;
        private int _next;

        public override int Remaining => _count - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.BytesRepaired += bytesUnknown.Length;
            _count = Windows1252.GetChars(bytesUnknown, 0, bytesUnknown.Length, _chars, 0);
            _next = 0;
            return _count > 0;
        }

        public override char GetNextChar() => _next < _count ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset() => _count = _next = 0;
    }
}
