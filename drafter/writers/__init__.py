"""Writers that turn a drafter Document into files: each module owns one output format."""
