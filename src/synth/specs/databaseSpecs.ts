import type {DomainSpec} from "../ToolSpec.js";

/** Querying and maintaining relational databases. */
export const databaseSpecs: DomainSpec = {
    domain: "databases",
    namespace: "db",
    tools: [
        {
            name: "select_rows",
            description: "Select rows from a table matching a column filter.",
            action: "fetch rows",
            params: [
                "table: str<db_table> | from the {} table | Table name.",
                "columns?: str<db_column>[]{1,4} | returning {} | Columns to return; all when omitted.",
                {param: "filter?: obj | where {} | Equality filter on one column.", fields: [
                    "column: str<db_column> | {} | Column to compare.",
                    "operator: enum(=,!=,>,<,>=,<=) | {} | Comparison operator.",
                    "value: str<db_value> | {} | Value to compare with."
                ]},
                "limit?=100: int[1..10000](5..500) | limited to {} rows | Most rows to return.",
                "order_by?: str<db_column> | ordered by {} | Column to sort by."
            ]
        },
        {
            name: "count_rows",
            description: "Count the rows of a table, optionally grouped by a column.",
            action: "count the rows",
            params: [
                "table: str<db_table> | in {} | Table name.",
                "group_by?: str<db_column> | grouped by {} | Column to group by."
            ]
        },
        {
            name: "create_index",
            description: "Create an index on one or more columns of a table.",
            action: "create an index",
            params: [
                "table: str<db_table> | on {} | Table name.",
                "columns: str<db_column>[]{1,3} | over {} | Columns to index, in order.",
                "unique?=false: bool | that is unique / that allows duplicates | Whether values must be unique.",
                "index_name?: str<index_name> | called {} | Name of the index."
            ]
        },
        {
            name: "backup_database",
            description: "Start a backup of a database to a storage location.",
            action: "back up",
            standalone: "back up a database",
            params: [
                "database: str<db_name> | the {} database | Database name.",
                "destination: str<folder> | to {} | Directory or bucket path for the backup.",
                "compress?=true: bool | compressed / uncompressed | Whether to compress the backup."
            ]
        },
        {
            name: "export_table_csv",
            description: "Export a table to a CSV file.",
            action: "export",
            standalone: "export a table to CSV",
            params: [
                "table: str<db_table> | the {} table | Table name.",
                "output_path: str<file_path> | to {} | Path of the CSV file.",
                "delimiter?=comma: enum(comma,semicolon,tab,pipe) | using {} as the delimiter | Field separator.",
                "include_header?=true: bool | with a header row / without a header row | Whether to write column names first."
            ]
        },
        {
            name: "update_record",
            description: "Update fields of one record by primary key.",
            action: "update record",
            standalone: "update a record",
            params: [
                "table: str<db_table> | in {} | Table name.",
                "id: int(1..99999) | {} | Primary key of the record.",
                {param: "changes: obj | setting {} | Columns to change and their new values.", fields: [
                    "status?: enum(active,inactive,pending,archived) | status {} | New status.",
                    "email?: str<email> | email {} | New e-mail address.",
                    "notes?: str<note> | notes \"{}\" | New notes."
                ]}
            ]
        },
        {
            name: "table_schema",
            description: "Describe the columns, types and keys of a table.",
            action: "describe the table",
            standalone: "describe a table",
            params: [
                "table: str<db_table> | {} | Table name.",
                "database?: str<db_name> | in {} | Database name; the default database when omitted."
            ]
        },
        {
            name: "slow_queries",
            description: "List the slowest queries recorded in a time window.",
            action: "list the slowest queries",
            params: [
                "database: str<db_name> | on {} | Database name.",
                "min_duration_ms?=1000: int[10..600000](200..10000) | taking over {} ms | Threshold in milliseconds.",
                "since: str<datetime> | since {} | Start of the window, ISO 8601."
            ]
        }
    ]
};
