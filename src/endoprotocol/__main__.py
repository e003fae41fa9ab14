from endoprotocol.cli import main

main()
