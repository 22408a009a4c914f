import SNACommands

SNATool.main()
