// The ReadingList library: one import for programs that embed readlist.
//
//     import ReadingList
//     let library = try ReadingLibrary(path: "library.sqlite")
//
// The model (articles, tags, highlights, identity), storage (`ReadingLibrary`), the JSON shapes
// that cross process boundaries, fetching web pages and extracting their articles, import and
// export formats.
@_exported public import ReadingListModel
@_exported public import ReadingListStorage
@_exported public import ReadingListWire
@_exported public import ReadingListSync
@_exported public import ReadingListExtraction
@_exported public import ReadingListImport
@_exported public import ReadingListExport
@_exported public import ReadingListFetch
