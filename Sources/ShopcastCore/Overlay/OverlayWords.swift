/// The few words a card prints besides the manifest's own text, in the show's language.
/// Unknown languages fall back to English.
struct OverlayWords: Sendable {
    var endsIn: String
    var left: String
    var startingSoon: String
    var startsIn: String
    /// On a card whose product has no units left.
    var soldOut: String
    /// On the holding slate, while the picture is lost or the show takes a break.
    var rightBack = "We'll be right back"
    /// Before the discount code, in small capitals.
    var code = "CODE"
    /// After a buyer's name in the chat column: "Giulia bought the silk scarf".
    var bought = "bought"

    static func forLanguage(_ code: String?) -> OverlayWords {
        switch code ?? "en" {
        case "it": return OverlayWords(endsIn: "termina tra", left: "rimasti", startingSoon: "Tra poco in diretta", startsIn: "Si parte tra", soldOut: "ESAURITO", rightBack: "Torniamo subito", code: "CODICE", bought: "ha comprato")
        case "ro": return OverlayWords(endsIn: "se termină în", left: "rămase", startingSoon: "Începem în curând", startsIn: "Începem în", soldOut: "STOC EPUIZAT", rightBack: "Revenim imediat", code: "COD", bought: "a cumpărat")
        case "es": return OverlayWords(endsIn: "termina en", left: "disponibles", startingSoon: "Empezamos pronto", startsIn: "Empezamos en", soldOut: "AGOTADO", rightBack: "Volvemos enseguida", code: "CÓDIGO", bought: "ha comprado")
        case "fr": return OverlayWords(endsIn: "se termine dans", left: "restants", startingSoon: "Le direct commence bientôt", startsIn: "Début dans", soldOut: "ÉPUISÉ", rightBack: "On revient tout de suite", code: "CODE", bought: "a acheté")
        case "de": return OverlayWords(endsIn: "endet in", left: "übrig", startingSoon: "Gleich geht's los", startsIn: "Start in", soldOut: "AUSVERKAUFT", rightBack: "Gleich geht's weiter", code: "CODE", bought: "hat gekauft")
        case "pt": return OverlayWords(endsIn: "termina em", left: "restantes", startingSoon: "Começamos em breve", startsIn: "Começa em", soldOut: "ESGOTADO", rightBack: "Voltamos já", code: "CÓDIGO", bought: "comprou")
        case "ja": return OverlayWords(endsIn: "終了まで", left: "点限り", startingSoon: "まもなく配信開始", startsIn: "開始まで", soldOut: "完売", rightBack: "このあとすぐ", code: "クーポン", bought: "が購入")
        case "zh": return OverlayWords(endsIn: "剩余时间", left: "件剩余", startingSoon: "直播即将开始", startsIn: "距开始", soldOut: "已售罄", rightBack: "马上回来", code: "优惠码", bought: "购买了")
        case "ar": return OverlayWords(endsIn: "ينتهي خلال", left: "متبقية", startingSoon: "البث يبدأ قريبًا", startsIn: "يبدأ خلال", soldOut: "نفدت الكمية", rightBack: "سنعود حالًا", code: "الكود", bought: "اشترى")
        default: return OverlayWords(endsIn: "ends in", left: "left", startingSoon: "Starting soon", startsIn: "Starts in", soldOut: "SOLD OUT")
        }
    }

}
