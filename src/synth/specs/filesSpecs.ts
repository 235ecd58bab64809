import type {DomainSpec} from "../ToolSpec.js";

/** Reading, writing, moving and archiving files. */
export const filesSpecs: DomainSpec = {
    domain: "files",
    namespace: "fs",
    tools: [
        {
            name: "read_file",
            description: "Read a text file and return its contents.",
            action: "read the file",
            standalone: "read a file",
            params: [
                "path: str<file_path> | {} | Path of the file.",
                "encoding?=utf-8: enum(utf-8,latin-1,utf-16) | as {} | Text encoding.",
                "max_lines?: int[1..100000](10..500) | , first {} lines only | Stop after this many lines."
            ]
        },
        {
            name: "write_file",
            description: "Write text to a file, replacing or appending.",
            action: "write",
            standalone: "write to a file",
            params: [
                "path: str<file_path> | to {} | Path of the file.",
                "content: str<note> | the text \"{}\" | Text to write.",
                "mode?=overwrite: enum(overwrite,append) | in {} mode | Whether to replace or append."
            ]
        },
        {
            name: "list_directory",
            description: "List the entries of a directory.",
            action: "list the contents of",
            standalone: "list a directory",
            params: [
                "directory: str<folder> | {} | Directory path.",
                "recursive?=false: bool | including subfolders / without subfolders | Whether to descend into subdirectories.",
                "pattern?: str<glob> | matching {} | Glob pattern the names must match."
            ]
        },
        {
            name: "move_file",
            description: "Move or rename a file.",
            action: "move",
            standalone: "move a file",
            params: [
                "source: str<file_path> | {} | Current path.",
                "destination: str<folder> | into {} | Target directory.",
                "overwrite?=false: bool | replacing any existing file / without replacing existing files | Whether to overwrite."
            ]
        },
        {
            name: "delete_file",
            description: "Delete a file, optionally moving it to the trash.",
            action: "delete",
            standalone: "delete a file",
            params: [
                "path: str<file_path> | {} | Path of the file.",
                "permanent?=false: bool | permanently / by moving it to the trash | Skip the trash."
            ]
        },
        {
            name: "compress_files",
            description: "Create an archive from several files.",
            action: "compress",
            standalone: "create an archive",
            params: [
                "files: str<file_path>[]{1,4} | {} | Files to include.",
                "archive_name: str<archive> | into {} | Name of the archive to create.",
                "format?=zip: enum(zip,tar.gz,7z) | as {} | Archive format."
            ]
        },
        {
            name: "find_files",
            description: "Search a directory tree for files by name pattern and size.",
            action: "find files",
            params: [
                "root: str<folder> | under {} | Directory to search.",
                "pattern: str<glob> | named {} | Glob pattern for file names.",
                "min_size_mb?: num(0.5..2000)/1 | larger than {} MB | Minimum size in megabytes.",
                "modified_after?: str<date> | modified after {} | Only files changed after this date, YYYY-MM-DD."
            ]
        },
        {
            name: "file_checksum",
            description: "Compute the checksum of a file.",
            action: "compute the checksum of",
            standalone: "compute a file checksum",
            params: [
                "path: str<file_path> | {} | Path of the file.",
                "algorithm?=sha256: enum(md5,sha1,sha256,sha512) | using {} | Hash algorithm."
            ]
        },
        {
            name: "convert_document",
            description: "Convert a document to another format.",
            action: "convert",
            standalone: "convert a document",
            params: [
                "input_path: str<file_path> | {} | Document to convert.",
                "output_format: enum(pdf,docx,txt,html,md) | to {} | Target format.",
                "output_dir?: str<folder> | saving it in {} | Where to save the result; next to the input when omitted."
            ]
        },
        {
            name: "share_file",
            description: "Create a sharing link for a cloud file.",
            action: "share",
            standalone: "share a file",
            params: [
                "path: str<file_path> | {} | Path of the file in cloud storage.",
                "recipients: str<email>[]{1,3} | with {} | People to share with.",
                "permission?=view: enum(view,comment,edit) | with {} access | Access level.",
                "expires_in_days?: int[1..365](1..30) | for {} days | Link lifetime."
            ]
        }
    ]
};
