namespace Dyad.App;

/// <summary>
/// A lock beside a file an analyst's additions go to (<c>FILE.lock</c>), held by one writer at a time: two commands
/// adding at once must not each read the file, add, and replace it without the other's addition.
/// </summary>
internal static class FileLock
{
    /// <summary>Takes the lock beside <paramref name="path"/>, waiting up to ten seconds for another writer; dispose to release it.</summary>
    /// <exception cref="DyadException">Conflict: another writer held it all that time.</exception>
    public static FileStream Exclusive(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new DyadException(DyadErrorKind.Conflict, $"{path} is being changed by another command; try again when it is done.", e);
            }
        }
    }
}
