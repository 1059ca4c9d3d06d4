import ArgumentParser
import ReadingList

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add, remove, list and rename tags.",
        discussion: "Tags ignore case and extra spaces (\"Machine  Learning\" = \"machine learning\"); the first spelling is shown.",
        subcommands: [AddTags.self, RemoveTags.self, ListTags.self, RenameTag.self])

    struct AddTags: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add tags to an article.")
        @OptionGroup var arguments: ArticleArguments
        @Argument(help: "Tags to add.") var tags: [String]

        func run() throws {
            try arguments.apply("Tagged") { (library, reference) throws(ReadingListError) in
                try library.addTags(tags, to: reference).article
            }
        }
    }

    struct RemoveTags: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove tags from an article.")
        @OptionGroup var arguments: ArticleArguments
        @Argument(help: "Tags to remove.") var tags: [String]

        func run() throws {
            try arguments.apply("Untagged") { (library, reference) throws(ReadingListError) in
                try library.removeTags(tags, from: reference).article
            }
        }
    }

    struct ListTags: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tags in use, with article counts.")
        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try runReporting {
                let tags = try library.open().tags()
                if output.json { return try Console.printJSON(tags.map(TagJSON.init)) }
                if tags.isEmpty { return Console.printError("no tags yet. Add one with: readlist tag add <article> <tag>") }
                let width = tags.map { String($0.count).count }.max() ?? 1
                for tag in tags {
                    let count = String(tag.count)
                    Console.print(String(repeating: " ", count: width - count.count) + count + "  " + tag.name)
                }
            }
        }
    }

    struct RenameTag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename", abstract: "Rename a tag on every article; renaming onto an existing tag merges them.")
        @OptionGroup var library: LibraryOptions
        @Argument(help: "The tag's current name.") var old: String
        @Argument(help: "The new name.") var new: String

        func run() throws {
            try runReporting {
                let count = try library.open().renameTag(old, to: new)
                Console.print("Renamed \"\(old)\" to \"\(new)\" on \(count) article\(count == 1 ? "" : "s")")
            }
        }
    }
}
