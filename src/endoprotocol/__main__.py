from endoprotocol.cli.app import main

main()
