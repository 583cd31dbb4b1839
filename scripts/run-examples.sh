echo "vigil: examples not yet wired"; "$1" --help
