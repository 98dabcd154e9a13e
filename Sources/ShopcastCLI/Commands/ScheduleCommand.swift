/// `shopcast schedule`: check, plan, query and run a show manifest.
enum ScheduleCommand {
    static let command = Command(
        group: CommandSpec(
            name: "schedule",
            summary: "Check, plan, query and run a show manifest's offers.",
            discussion: [
                "A show manifest is a YAML file: the show (title, optional wall-clock start 'starts', its time zone 'zone', 'duration', 'locale', 'currency'), an optional theme, the products with their list prices, the offers (product, optional 'id', 'at' offset, 'for' length, 'discount' percent or sale 'price', 'code', 'quantity') and optional banners (with an optional 'id'), and an optional chat section (position left or right, lines, seconds, per_second, size, blocklist, blocked: mask or drop; see shopcast-go-live(1), Chat). See examples/ for complete manifests.",
                "Every offer has a stable id, which events, the control API and webhooks use: its 'id', else its product's id when it is that product's only offer, else PRODUCT-N (N counting that product's offers without an 'id' from 1 in file order). An offer without 'at' is on cue: it shows only when the producer cues it ('shopcast cue offer ID'), for its 'for' if it has one, else until ended; a show may be all on cue. 'quantity' is the product's starting stock: the first offer of a product that gives one sets it, and from then on the stock is live (sales and the producer change it).",
                "Offsets count from show.starts when it is set, so a stream that starts early still puts each offer at its wall-clock moment; otherwise they count from the stream's first frame. Each offer is on screen from its start up to, not including, its end.",
                "show.starts is ISO 8601 with a UTC offset, 2026-11-27T20:00:00+01:00, or, with show.zone (an IANA zone such as Europe/Rome or America/New_York), local time in that zone, 2026-11-27T20:00:00: daylight saving is then the zone's business, and plan, now, run, cron, the slate's countdown and events all follow it. A local time the clocks skip (the hour lost in spring) is an error, as is one they live twice (the hour repeated in autumn) unless an offset says which, e.g. 2026-10-25T02:30:00+01:00 for the second; an offset the zone does not have then is an error too. With show.zone, times are printed with the offset in force at each moment.",
                "Durations read 90s, 5m, 1h5m, 05:00 (mm:ss), 1:05:00 (h:mm:ss) or plain seconds. Times on the command line read ISO 8601 with a UTC offset, e.g. 2026-11-27T20:00:00+01:00, or 'now'.",
            ]),
        children: [
            ScheduleCheckCommand.command,
            SchedulePlanCommand.command,
            ScheduleNowCommand.command,
            ScheduleRunCommand.command,
            ScheduleCronCommand.command,
        ])
}
