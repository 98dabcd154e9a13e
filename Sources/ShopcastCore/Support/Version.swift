/// shopcast's release version, printed by `--version`.
public enum ShopcastVersion {
    public static let current = "0.1.0"
}
