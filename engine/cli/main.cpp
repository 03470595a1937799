// banshi command-line tool (being written).
int main() { return 0; }
