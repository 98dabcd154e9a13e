/// `shopcast schedule`: check, plan, query and run a show manifest (issue 3; being built).
enum ScheduleCommand {
    static let command = Command(
        group: CommandSpec(name: "schedule", summary: "Check, plan, query and run a show manifest's timed offers."),
        children: [])
}
