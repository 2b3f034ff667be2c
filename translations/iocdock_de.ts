<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionCommand</name>
    <message>
        <source>Start IOCs and wait until systemd reports the result.</source>
        <translation>IOCs starten und warten, bis systemd das Ergebnis meldet.</translation>
    </message>
    <message>
        <source>Stop IOCs (procServ and the IOC under it).</source>
        <translation>IOCs stoppen (procServ und den IOC darunter).</translation>
    </message>
    <message>
        <source>Restart IOCs (procServ and the IOC under it).</source>
        <translation>IOCs neu starten (procServ und den IOC darunter).</translation>
    </message>
    <message>
        <source>Enable IOCs so they start at boot.</source>
        <translation>IOCs aktivieren, damit sie beim Systemstart starten.</translation>
    </message>
    <message>
        <source>Disable IOCs so they no longer start at boot.</source>
        <translation>IOCs deaktivieren, damit sie nicht mehr beim Systemstart starten.</translation>
    </message>
    <message>
        <source>NAME|GLOB...</source>
        <translation>NAME|MUSTER...</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs (quote globs: &apos;motor*&apos;). Each IOC is acted on once.</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster (Muster in Anführungszeichen: &apos;motor*&apos;). Jeder IOC wird nur einmal behandelt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs at least one IOC name.</source>
        <translation>&apos;%1&apos; braucht mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>neu gestartet</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>job result &quot;%1&quot;</source>
        <translation>Job-Ergebnis „%1“</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>[-f FILTER]... [--order name|given] [--delay SECONDS] [NAME|GLOB...]</source>
        <translation>[-f FILTER]... [--order name|given] [--delay SECONDS] [NAME|GLOB...]</translation>
    </message>
    <message>
        <source>Act on every IOC matching KEY=VALUE (as &apos;ps --filter&apos;; repeatable, terms AND together); with names, on those of them that match.</source>
        <translation>Auf jeden IOC wirken, der KEY=VALUE entspricht (wie &apos;ps --filter&apos;; wiederholbar, Terme werden UND-verknüpft); mit Namen auf diejenigen davon, die passen.</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>One IOC after the other: &apos;given&apos; (the names&apos; order, a glob&apos;s matches by name) or &apos;name&apos; (all by name).</source>
        <translation>Ein IOC nach dem anderen: &apos;given&apos; (die Reihenfolge der Namen, die Treffer eines Globs nach Name) oder &apos;name&apos; (alle nach Name).</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDER</translation>
    </message>
    <message>
        <source>One IOC after the other, waiting SECONDS (may be fractional) after each job&apos;s result before the next.</source>
        <translation>Ein IOC nach dem anderen, mit SECONDS Wartezeit (auch Bruchteile) nach dem Ergebnis jedes Jobs vor dem nächsten.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Start the IOCs too, once they are enabled.</source>
        <translation>Die IOCs auch starten, sobald sie aktiviert sind.</translation>
    </message>
    <message>
        <source>Stop the IOCs too, once they are disabled.</source>
        <translation>Die IOCs auch stoppen, sobald sie deaktiviert sind.</translation>
    </message>
    <message>
        <source>Give the IOC SECONDS to stop: if its unit has not stopped by then, iocctl asks systemd to send SIGKILL to every process of the unit (KillUnit), as &apos;docker stop -t&apos; does. A shorter TimeoutStopSec= of the unit still applies. Nothing in the unit is changed.</source>
        <translation>Dem IOC SECONDS Zeit zum Stoppen geben: Ist seine Unit bis dahin nicht gestoppt, bittet iocctl systemd, SIGKILL an jeden Prozess der Unit zu senden (KillUnit), wie &apos;docker stop -t&apos; es tut. Ein kürzeres TimeoutStopSec= der Unit gilt weiterhin. An der Unit wird nichts geändert.</translation>
    </message>
    <message>
        <source>With -t, a restart is a stop (bounded by -t as above) and then a start.</source>
        <translation>Mit -t ist ein Neustart ein Stopp (begrenzt durch -t wie oben) und dann ein Start.</translation>
    </message>
    <message>
        <source>Bad filter: %1</source>
        <translation>Ungültiger Filter: %1</translation>
    </message>
    <message>
        <source>--order is &apos;name&apos; or &apos;given&apos;, not &quot;%1&quot;.</source>
        <translation>--order ist &apos;name&apos; oder &apos;given&apos;, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--delay wants a number of seconds, not &quot;%1&quot;.</source>
        <translation>--delay erwartet eine Anzahl Sekunden, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>-t needs a number of seconds (0 to 2000000), not &quot;%1&quot;.</source>
        <translation>-t braucht eine Anzahl Sekunden (0 bis 2000000), nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird gestoppt</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>wird neu gestartet</translation>
    </message>
    <message>
        <source>enabling</source>
        <translation>wird aktiviert</translation>
    </message>
    <message>
        <source>disabling</source>
        <translation>wird deaktiviert</translation>
    </message>
    <message>
        <source>%1: -t applies to IOCs a systemd unit runs; this container stops with its engine&apos;s own timeout.</source>
        <translation>%1: -t gilt für IOCs, die eine systemd-Unit ausführt; dieser Container stoppt mit dem eigenen Timeout seiner Engine.</translation>
    </message>
    <message>
        <source>%1: not stopped after %2 s; systemd sends SIGKILL to every process of %3</source>
        <translation>%1: nach %2 s nicht gestoppt; systemd sendet SIGKILL an jeden Prozess von %3</translation>
    </message>
    <message>
        <source>%1: SIGKILL failed: %2</source>
        <translation>%1: SIGKILL fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: killed; systemd now shows its unit as failed (iocctl reset-failed %1 clears that)</source>
        <translation>%1: beendet (killed); systemd zeigt seine Unit jetzt als fehlgeschlagen (iocctl reset-failed %1 setzt das zurück)</translation>
    </message>
    <message>
        <source>waiting %1 s</source>
        <translation>warte %1 s</translation>
    </message>
    <message>
        <source>%1 of %2 IOC(s) %3.</source>
        <translation>%1 von %2 IOC(s) %3.</translation>
    </message>
    <message>
        <source>%1 of %2 IOC(s) %3, %4 failed.</source>
        <translation>%1 von %2 IOC(s) %3, %4 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>AttachCommand</name>
    <message>
        <source>Attach this terminal to the IOC&apos;s procServ console.</source>
        <translation>Dieses Terminal mit der procServ-Konsole des IOCs verbinden.</translation>
    </message>
    <message>
        <source>[--read-only] [--detach-keys KEYS] NAME</source>
        <translation>[--read-only] [--detach-keys TASTEN] NAME</translation>
    </message>
    <message>
        <source>Watch only: send nothing at all to procServ (uses the log port when the IOC has one).</source>
        <translation>Nur zusehen: gar nichts an procServ senden (nutzt den Protokollport, wenn der IOC einen hat).</translation>
    </message>
    <message>
        <source>Key sequence that detaches, docker syntax (default &quot;ctrl-]&quot;; e.g. &quot;ctrl-p,ctrl-q&quot;).</source>
        <translation>Tastenfolge zum Trennen, in Docker-Syntax (Standard &quot;ctrl-]&quot;; z. B. &quot;ctrl-p,ctrl-q&quot;).</translation>
    </message>
    <message>
        <source>KEYS</source>
        <translation>TASTEN</translation>
    </message>
    <message>
        <source>IOC name or unit name.</source>
        <translation>IOC-Name oder Unit-Name.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>&apos;attach&apos; takes exactly one IOC name.</source>
        <translation>&apos;attach&apos; nimmt genau einen IOC-Namen.</translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation>Schreiben auf die Standardausgabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>The console of %1 closed (procServ stopped?).</source>
        <translation>Die Konsole von %1 wurde geschlossen (procServ gestoppt?).</translation>
    </message>
    <message>
        <source>Attached to %1 (%2), read-only. Detach with %3.</source>
        <translation>Verbunden mit %1 (%2), nur lesend. Trennen mit %3.</translation>
    </message>
    <message>
        <source>Attached to %1 (%2). Detach with %3.</source>
        <translation>Verbunden mit %1 (%2). Trennen mit %3.</translation>
    </message>
    <message>
        <source>Console of %1: %2</source>
        <translation>Konsole von %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the console of %1 (%2): %3</source>
        <translation>Die Konsole von %1 (%2) lässt sich nicht öffnen: %3</translation>
    </message>
    <message>
        <source>Detached from %1.</source>
        <translation>Von %1 getrennt.</translation>
    </message>
    <message>
        <source>Control keys in the input were not sent (procServ or the IOC shell act on them).</source>
        <translation>Steuertasten in der Eingabe wurden nicht gesendet (procServ oder die IOC-Shell reagieren darauf).</translation>
    </message>
    <message>
        <source>Reconnected to %1.</source>
        <translation>Wieder mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Lost the console of %1: %2 — reconnecting; %3 detaches.</source>
        <translation>Konsole von %1 verloren: %2 — verbinde erneut; %3 trennt.</translation>
    </message>
    <message>
        <source>Detaching sends nothing to the IOC. procServ&apos;s command keys (Ctrl+X kill, Ctrl+T auto-restart, Ctrl+R, Ctrl+Q, a -x logout key) and Ctrl+C/Ctrl+D (unless procServ ignores them with -i) are sent only when pressed twice within %1 seconds; pasted text or piped input containing them is not sent.
On a terminal, attach reconnects when the connection is lost (procServ restarted) until you detach. With stdin not a terminal, input is sent as it arrives; when it ends, attach detaches once the console has been quiet for half a second, and a lost connection ends attach.</source>
        <translation>Trennen sendet nichts an den IOC. Die Befehlstasten von procServ (Strg+X beenden, Strg+T automatischer Neustart, Strg+R, Strg+Q, eine -x-Abmeldetaste) sowie Strg+C/Strg+D (sofern procServ sie nicht mit -i ignoriert) werden nur gesendet, wenn sie zweimal innerhalb von %1 Sekunden gedrückt werden; eingefügter Text oder Eingaben aus einer Pipe, die sie enthalten, werden nicht gesendet.
Auf einem Terminal verbindet attach sich nach einem Verbindungsverlust (procServ neu gestartet) erneut, bis Sie sich trennen. Ist stdin kein Terminal, wird die Eingabe gesendet, sobald sie eintrifft; endet sie, trennt attach sich, sobald die Konsole eine halbe Sekunde still war, und ein Verbindungsverlust beendet attach.</translation>
    </message>
</context>
<context>
    <name>BannerProbe</name>
    <message>
        <source>No procServ banner from %1 within %2 s</source>
        <translation>Kein procServ-Banner von %1 innerhalb von %2 s</translation>
    </message>
</context>
<context>
    <name>CatCommand</name>
    <message>
        <source>Show an IOC&apos;s unit file with its drop-ins, and its config file.</source>
        <translation>Die Unit-Datei eines IOC mit ihren Drop-ins und seine Konfigurationsdatei anzeigen.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The IOC (name or unit name).</source>
        <translation>Der IOC (Name oder Unit-Name).</translation>
    </message>
    <message>
        <source>&apos;cat&apos; needs exactly one IOC name.</source>
        <translation>&apos;cat&apos; braucht genau einen IOC-Namen.</translation>
    </message>
    <message>
        <source>%1 is a container of no unit: it has no unit file (see &apos;iocctl inspect %1&apos;).</source>
        <translation>%1 ist ein Container ohne Unit: Er hat keine Unit-Datei (siehe &apos;iocctl inspect %1&apos;).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: systemd knows no file of %2.</source>
        <translation>%1: systemd kennt keine Datei von %2.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>Run &apos;iocctl %1 --help&apos; for usage.</source>
        <translation>Aufruf siehe &apos;iocctl %1 --help&apos;.</translation>
    </message>
    <message>
        <source>Usage: iocctl [HOST OPTIONS] %1 %2</source>
        <translation>Aufruf: iocctl [HOST-OPTIONEN] %1 %2</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 an action failed, 2 usage error or bad input, 3 IOC not found, 4 connection or permission problem, 5 timeout.</source>
        <translation>Exit-Codes: 0 Erfolg, 1 eine Aktion ist fehlgeschlagen, 2 Aufruffehler oder ungültige Eingabe, 3 IOC nicht gefunden, 4 Verbindungs- oder Berechtigungsproblem, 5 Zeitüberschreitung.</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>Cannot reach the systemd manager (%1): %2</source>
        <translation>Der systemd-Manager (%1) ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Lost the connection to the systemd manager (%1).</source>
        <translation>Die Verbindung zum systemd-Manager (%1) ist verloren.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: systemd could not load the unit file (%2); see &apos;systemctl status %1&apos;.</source>
        <translation>%1: systemd konnte die Unit-Datei nicht laden (%2); siehe &apos;systemctl status %1&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n second(s) connecting to the systemd manager (%1).</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %n Sekunde beim Verbinden mit dem systemd-Manager (%1).</numerusform>
            <numerusform>Zeitüberschreitung nach %n Sekunden beim Verbinden mit dem systemd-Manager (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer for %n second(s) while listing the IOCs.</source>
        <translation>
            <numerusform>Beim Auflisten der IOCs %n Sekunde lang keine Antwort.</numerusform>
            <numerusform>Beim Auflisten der IOCs %n Sekunden lang keine Antwort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a host: %1 (%2)</source>
        <translation>Kein Host: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>No answer from %1 for %n second(s) while listing its IOCs.</source>
        <translation>
            <numerusform>Keine Antwort von %1 seit %n Sekunde beim Auflisten seiner IOCs.</numerusform>
            <numerusform>Keine Antwort von %1 seit %n Sekunden beim Auflisten seiner IOCs.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no procServ console endpoint in %2.</source>
        <translation>%1 hat keinen procServ-Konsolenanschluss in %2.</translation>
    </message>
    <message>
        <source>Cannot list the IOCs of %1: %2</source>
        <translation>Die IOCs von %1 lassen sich nicht auflisten: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 is not running (start it with: iocctl start %1)</source>
        <translation>%1 läuft nicht (starten mit: iocctl start %1)</translation>
    </message>
    <message>
        <source>%1 runs procServ in the %2 container %3, and its command names no console endpoint iocctl can reach.</source>
        <translation>%1 führt procServ im %2-Container %3 aus, und sein Befehl nennt keinen Konsolenendpunkt, den iocctl erreichen kann.</translation>
    </message>
    <message>
        <source>Host options (--user, --system, -H HOST, --hosts FILE, --bus ADDRESS, --connect-timeout SECONDS) and output options (--color WHEN, --no-pager; see &apos;iocctl --help&apos;) may come before or after the command.</source>
        <translation>Host-Optionen (--user, --system, -H HOST, --hosts FILE, --bus ADDRESS, --connect-timeout SECONDS) und Ausgabeoptionen (--color WHEN, --no-pager; siehe &apos;iocctl --help&apos;) dürfen vor oder nach dem Befehl stehen.</translation>
    </message>
    <message>
        <source>--color wants auto, always or never, not &quot;%1&quot;.</source>
        <translation>--color erwartet auto, always oder never, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>hint: a user manager acts for its own user only: run iocctl as that user (or ask its owner).</source>
        <translation>Hinweis: Ein User-Manager handelt nur für seinen eigenen Benutzer: Führen Sie iocctl als dieser Benutzer aus (oder fragen Sie dessen Besitzer).</translation>
    </message>
    <message>
        <source>hint: starting, stopping, enabling and resetting units of the system manager needs root or a polkit rule that allows org.freedesktop.systemd1.manage-units (and manage-unit-files for enable/disable): run it with sudo, ask an administrator, or use --user for IOCs of your own user manager.</source>
        <translation>Hinweis: Starten, Stoppen, Aktivieren und Zurücksetzen von Units des System-Managers erfordert root oder eine polkit-Regel, die org.freedesktop.systemd1.manage-units erlaubt (und manage-unit-files für enable/disable): Führen Sie es mit sudo aus, fragen Sie einen Administrator, oder verwenden Sie --user für IOCs Ihres eigenen User-Managers.</translation>
    </message>
    <message>
        <source>see &apos;%1&apos; for the IOCs there are</source>
        <translation>siehe &apos;%1&apos; für die vorhandenen IOCs</translation>
    </message>
    <message>
        <source>hint: did you mean --user? (your own user manager; the system manager is reached through the system bus, /run/dbus/system_bus_socket)</source>
        <translation>Hinweis: Meinten Sie --user? (Ihr eigener User-Manager; der System-Manager wird über den Systembus erreicht, /run/dbus/system_bus_socket)</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>No IOC matches the filter.</source>
        <translation>Kein IOC entspricht dem Filter.</translation>
    </message>
</context>
<context>
    <name>ConsoleArea</name>
    <message>
        <source>&amp;Single Pane</source>
        <translation>&amp;Einzelner Bereich</translation>
    </message>
    <message>
        <source>One group of tabs: the tabs of every pane come together</source>
        <translation>Eine Tab-Gruppe: Die Tabs aller Bereiche werden zusammengeführt</translation>
    </message>
    <message>
        <source>Side by &amp;Side</source>
        <translation>Nebeneinan&amp;der</translation>
    </message>
    <message>
        <source>Two panes of tabs next to each other</source>
        <translation>Zwei Bereiche mit Tabs nebeneinander</translation>
    </message>
    <message>
        <source>S&amp;tacked</source>
        <translation>Überein&amp;ander</translation>
    </message>
    <message>
        <source>Two panes of tabs one above the other</source>
        <translation>Zwei Bereiche mit Tabs übereinander</translation>
    </message>
    <message>
        <source>&amp;Move to Other Pane</source>
        <translation>In anderen Bereich &amp;verschieben</translation>
    </message>
    <message>
        <source>Move the current tab to the next pane (splits the area when it is one pane); a console stays connected</source>
        <translation>Den aktuellen Tab in den nächsten Bereich verschieben (teilt die Ansicht, wenn es nur einen Bereich gibt); eine Konsole bleibt verbunden</translation>
    </message>
    <message>
        <source>&amp;Detach to Window</source>
        <translation>In eigenes &amp;Fenster lösen</translation>
    </message>
    <message>
        <source>Show the current tab in a window of its own; a console stays connected, and closing the window docks it back</source>
        <translation>Den aktuellen Tab in einem eigenen Fenster zeigen; eine Konsole bleibt verbunden, und beim Schließen des Fensters wird er wieder angedockt</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>Nächster &amp;Bereich</translation>
    </message>
    <message>
        <source>Focus the current tab of the next pane</source>
        <translation>Den aktuellen Tab des nächsten Bereichs fokussieren</translation>
    </message>
    <message>
        <source>An empty pane: the next console, log or details you open come here, or move a tab here (%1).</source>
        <translation>Ein leerer Bereich: Hier erscheint, was als Nächstes geöffnet wird (Konsole, Log oder Details), oder einen Tab hierher verschieben (%1).</translation>
    </message>
    <message>
        <source>%1/%2 — iocdock</source>
        <translation>%1/%2 — iocdock</translation>
    </message>
    <message>
        <source>%1 — iocdock</source>
        <translation>%1 — iocdock</translation>
    </message>
    <message>
        <source>Move to &amp;New Pane</source>
        <translation>In &amp;neuen Bereich verschieben</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>No procServ console endpoint is known for this IOC</source>
        <translation>Für diesen IOC ist kein procServ-Konsolenanschluss bekannt</translation>
    </message>
    <message>
        <source>This console is read-only: nothing was sent</source>
        <translation>Diese Konsole ist schreibgeschützt: Es wurde nichts gesendet</translation>
    </message>
    <message>
        <source>Not connected to procServ at %1: nothing was sent</source>
        <translation>Nicht mit procServ an %1 verbunden: Es wurde nichts gesendet</translation>
    </message>
    <message>
        <source>The UNIX socket path %1 is empty or too long</source>
        <translation>Der UNIX-Socket-Pfad %1 ist leer oder zu lang</translation>
    </message>
    <message>
        <source>Cannot create a socket: %1</source>
        <translation>Socket kann nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>No procServ console at %1 — is the IOC&apos;s procServ running?</source>
        <translation>Keine procServ-Konsole an %1 — läuft der procServ des IOCs?</translation>
    </message>
    <message>
        <source>Connection refused by procServ at %1 — is the IOC running?</source>
        <translation>Verbindung von procServ an %1 abgelehnt — läuft der IOC?</translation>
    </message>
    <message>
        <source>Permission denied on %1</source>
        <translation>Zugriff verweigert auf %1</translation>
    </message>
    <message>
        <source>procServ at %1 is not accepting connections (busy)</source>
        <translation>procServ an %1 nimmt keine Verbindungen an (ausgelastet)</translation>
    </message>
    <message>
        <source>No procServ console at %1 (a parent is not a directory)</source>
        <translation>Keine procServ-Konsole an %1 (ein übergeordneter Pfad ist kein Verzeichnis)</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot use the socket for %1</source>
        <translation>Der Socket für %1 ist nicht nutzbar</translation>
    </message>
    <message>
        <source>procServ at %1 closed the connection</source>
        <translation>procServ an %1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>Connection to procServ at %1 failed: %2</source>
        <translation>Verbindung zu procServ an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>Host %1 unreachable: %2</source>
        <translation>Host %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Permission denied connecting to %1</source>
        <translation>Zugriff verweigert beim Verbinden mit %1</translation>
    </message>
    <message>
        <source>Timed out connecting to %1</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1</translation>
    </message>
    <message>
        <source>The console connection through %1 ended: %2</source>
        <translation>Die Konsolenverbindung über %1 ist beendet: %2</translation>
    </message>
    <message>
        <source>The console helper %1 crashed</source>
        <translation>Das Konsolen-Hilfsprogramm %1 ist abgestürzt</translation>
    </message>
    <message>
        <source>The console connection through %1 ended (exit status %2)</source>
        <translation>Die Konsolenverbindung über %1 ist beendet (Exit-Status %2)</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2)</source>
        <translation>%1 fehlgeschlagen (Exit-Status %2)</translation>
    </message>
    <message>
        <source>Cannot open the console stream to %1</source>
        <translation>Der Konsolenstrom zu %1 kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>ConsoleTabWidget</name>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>Open consoles, logs and details</source>
        <translation>Geöffnete Konsolen, Logs und Details</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Read-only: nothing typed is sent to the IOC</source>
        <translation>Nur lesen: Eingaben werden nicht an den IOC gesendet</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Save Transcript…</source>
        <translation>Mitschrift speichern…</translation>
    </message>
    <message>
        <source>Kill/Restart IOC</source>
        <translation>IOC beenden/neu starten</translation>
    </message>
    <message>
        <source>Toggle Auto-Restart</source>
        <translation>Autoneustart umschalten</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (nur lesen)</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde neu…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connected, read-only</source>
        <translation>Verbunden, nur lesen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source> — IOC shut down</source>
        <translation> — IOC heruntergefahren</translation>
    </message>
    <message>
        <source> — IOC restarted, PID %1</source>
        <translation> — IOC neu gestartet, PID %1</translation>
    </message>
    <message>
        <source> — IOC restarted</source>
        <translation> — IOC neu gestartet</translation>
    </message>
    <message>
        <source> — IOC running, PID %1</source>
        <translation> — IOC läuft, PID %1</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>Restart IOC</source>
        <translation>IOC neu starten</translation>
    </message>
    <message>
        <source>procServ&apos;s kill command is disabled for this IOC</source>
        <translation>Der Kill-Befehl von procServ ist für diesen IOC abgeschaltet</translation>
    </message>
    <message>
        <source>Send %1 to procServ: %2</source>
        <translation>%1 an procServ senden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of output were dropped because the terminal could not keep up.</source>
        <translation>
            <numerusform>%n Byte Ausgabe wurde verworfen, weil das Terminal nicht mithalten konnte.</numerusform>
            <numerusform>%n Bytes Ausgabe wurden verworfen, weil das Terminal nicht mithalten konnte.</numerusform>
        </translation>
    </message>
    <message>
        <source>This console is read-only: nothing you type is sent to %1.</source>
        <translation>Diese Konsole ist schreibgeschützt: Ihre Eingaben werden nicht an %1 gesendet.</translation>
    </message>
    <message>
        <source>Not connected: what you type is not sent.</source>
        <translation>Nicht verbunden: Ihre Eingaben werden nicht gesendet.</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>%1 senden</translation>
    </message>
    <message>
        <source>Not connected: %1 was not sent.</source>
        <translation>Nicht verbunden: %1 wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Restart IOC %1?</source>
        <translation>IOC %1 neu starten?</translation>
    </message>
    <message>
        <source>Kill IOC %1?</source>
        <translation>IOC %1 beenden (Kill)?</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message>
        <source>Toggle auto-restart of %1?</source>
        <translation>Autoneustart von %1 umschalten?</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Transcript of %1</source>
        <translation>Mitschrift von %1 speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Textdateien (*.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A+</source>
        <comment>zoom in</comment>
        <translation>A+</translation>
    </message>
    <message>
        <source>A−</source>
        <comment>zoom out</comment>
        <translation>A−</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the transcript (the whole scrollback) to a file</source>
        <translation>Die Mitschrift (den ganzen Verlauf) in einer Datei speichern</translation>
    </message>
    <message>
        <source>Connecting… (%1)</source>
        <translation>Verbinde… (%1)</translation>
    </message>
    <message>
        <source>Reconnecting… (%1)</source>
        <translation>Verbinde neu… (%1)</translation>
    </message>
    <message>
        <source>Connected, restored read-only</source>
        <translation>Verbunden, schreibgeschützt wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored read-only: nothing is sent to %1. Click Take Console (or Read-only on the toolbar) to type into it.</source>
        <translation>Schreibgeschützt wiederhergestellt: Es wird nichts an %1 gesendet. Klicken Sie auf „Konsole übernehmen“ (oder „Schreibgeschützt“ in der Werkzeugleiste), um darin zu tippen.</translation>
    </message>
    <message>
        <source>Take Console</source>
        <translation>Konsole übernehmen</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <comment>console tab: IOC name, other clients attached</comment>
        <translation>%1 (+%2)</translation>
    </message>
    <message numerus="yes">
        <source> — %n other client(s) attached when it connected</source>
        <translation>
            <numerusform> — %n weiterer Client beim Verbinden angemeldet</numerusform>
            <numerusform> — %n weitere Clients beim Verbinden angemeldet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other client(s) were attached to this console when it connected: they see what you type, and what they type reaches %1 too.</source>
        <translation>
            <numerusform>%n weiterer Client war beim Verbinden an dieser Konsole angemeldet: Er sieht, was Sie tippen, und was er tippt, erreicht %1 ebenfalls.</numerusform>
            <numerusform>%n weitere Clients waren beim Verbinden an dieser Konsole angemeldet: Sie sehen, was Sie tippen, und was sie tippen, erreicht %1 ebenfalls.</numerusform>
        </translation>
    </message>
    <message>
        <source>More was typed than is held: all of it was dropped, nothing has been sent.</source>
        <translation>Es wurde mehr getippt als zurückgehalten wird: Alles wurde verworfen, nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Nothing you typed has been sent yet.</source>
        <translation>Nichts von dem, was Sie getippt haben, wurde bisher gesendet.</translation>
    </message>
    <message>
        <source>Send What I Typed</source>
        <translation>Getipptes senden</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>&amp;Dock Back</source>
        <translation>&amp;Wieder andocken</translation>
    </message>
    <message>
        <source>&amp;Close Console</source>
        <translation>Konsole &amp;schließen</translation>
    </message>
    <message>
        <source>Put this page back into the main window&apos;s tabs (Ctrl+Shift+D); closing the window does the same</source>
        <translation>Diese Seite zurück in die Tabs des Hauptfensters legen (Ctrl+Shift+D); das Schließen des Fensters bewirkt dasselbe</translation>
    </message>
    <message>
        <source>Close the page; a console disconnects, sending nothing</source>
        <translation>Die Seite schließen; eine Konsole wird getrennt, ohne etwas zu senden</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Fenster</translation>
    </message>
</context>
<context>
    <name>ContainerLogStream</name>
    <message>
        <source>log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>a frame cut short</source>
        <translation>einen abgeschnittenen Rahmen</translation>
    </message>
</context>
<context>
    <name>ContainerRuntime</name>
    <message>
        <source>the event stream ended</source>
        <translation>der Ereignisstrom endete</translation>
    </message>
    <message>
        <source>Container engine at %1: %2</source>
        <translation>Container-Engine unter %1: %2</translation>
    </message>
    <message>
        <source>Cannot list the containers at %1: %2</source>
        <translation>Die Container unter %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>No such container IOC: %1</source>
        <translation>Kein solcher Container-IOC: %1</translation>
    </message>
    <message>
        <source>%1 is run by %2, and %3 is not connected.</source>
        <translation>%1 wird von %2 ausgeführt, und %3 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>%1 is a container, and this %2 engine cannot change a container&apos;s restart policy (it is &quot;%3&quot;): recreate it with --restart, or run it from a systemd unit (Quadlet).</source>
        <translation>%1 ist ein Container, und diese %2-Engine kann die Neustartrichtlinie eines Containers nicht ändern (sie ist „%3“): erstellen Sie ihn mit --restart neu, oder führen Sie ihn aus einer systemd-Unit aus (Quadlet).</translation>
    </message>
    <message>
        <source>Cannot read the time &quot;%1&quot;: give %2.</source>
        <translation>Die Zeit „%1“ ist nicht lesbar: geben Sie %2 an.</translation>
    </message>
</context>
<context>
    <name>ControlKeyGuard</name>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <source>Ctrl+?</source>
        <translation>Strg+?</translation>
    </message>
    <message>
        <source>this IOC</source>
        <translation>diesem IOC</translation>
    </message>
    <message>
        <source>%1 restarts the IOC process of %2.</source>
        <translation>%1 startet den IOC-Prozess von %2 neu.</translation>
    </message>
    <message>
        <source>%1 kills the IOC process of %2 (auto-restart is OFF: it stays down).</source>
        <translation>%1 beendet den IOC-Prozess von %2 (Autoneustart ist AUS: er bleibt aus).</translation>
    </message>
    <message>
        <source>%1 kills the IOC process of %2 (procServ restarts it when auto-restart is ON).</source>
        <translation>%1 beendet den IOC-Prozess von %2 (procServ startet ihn neu, wenn der Autoneustart EIN ist).</translation>
    </message>
    <message>
        <source>%1 kills the IOC process of %2 (procServ restarts it when auto-restart is ON), or starts it when it is shut down.</source>
        <translation>%1 beendet den IOC-Prozess von %2 (procServ startet ihn neu, wenn der Autoneustart EIN ist) oder startet ihn, wenn er heruntergefahren ist.</translation>
    </message>
    <message>
        <source>%1 toggles procServ&apos;s auto-restart of %2.</source>
        <translation>%1 schaltet den Autoneustart von %2 in procServ um.</translation>
    </message>
    <message>
        <source>%1 closes this console connection to %2.</source>
        <translation>%1 schließt diese Konsolenverbindung zu %2.</translation>
    </message>
    <message>
        <source>%1 goes to the IOC shell of %2; procServ restarts the IOC with it when the IOC is shut down.</source>
        <translation>%1 geht an die IOC-Shell von %2; ist der IOC heruntergefahren, startet procServ ihn damit neu.</translation>
    </message>
    <message>
        <source>%1 restarts the IOC process of %2 when it is shut down.</source>
        <translation>%1 startet den IOC-Prozess von %2 neu, wenn er heruntergefahren ist.</translation>
    </message>
    <message>
        <source>%1 quits procServ (the console server of %2) when the IOC is shut down.</source>
        <translation>%1 beendet procServ (den Konsolenserver von %2), wenn der IOC heruntergefahren ist.</translation>
    </message>
    <message>
        <source>%1 goes to the IOC shell of %2, which may exit on it.</source>
        <translation>%1 geht an die IOC-Shell von %2, die sich dadurch beenden kann.</translation>
    </message>
    <message>
        <source>%1 ends the input of the IOC shell of %2, which exits the IOC.</source>
        <translation>%1 beendet die Eingabe der IOC-Shell von %2, womit sich der IOC beendet.</translation>
    </message>
    <message>
        <source>Nothing was sent: the text contains %1. %2</source>
        <translation>Es wurde nichts gesendet: Der Text enthält %1. %2</translation>
    </message>
    <message>
        <source>%1 Nothing was sent — press %2 again within %3 s to send it.</source>
        <translation>%1 Es wurde nichts gesendet — zum Senden %2 innerhalb von %3 s erneut drücken.</translation>
    </message>
</context>
<context>
    <name>ConventionConfigReader</name>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>too large for a config file</source>
        <translation>zu groß für eine Konfigurationsdatei</translation>
    </message>
    <message>
        <source>not a text file (binary data at byte %1)</source>
        <translation>keine Textdatei (Binärdaten bei Byte %1)</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>ungültiges UTF-8</translation>
    </message>
    <message>
        <source>malformed section header &apos;%1&apos;</source>
        <translation>fehlerhafter Abschnittskopf &apos;%1&apos;</translation>
    </message>
    <message>
        <source>section [%1] already defined at line %2; this one is ignored</source>
        <translation>Abschnitt [%1] ist bereits in Zeile %2 definiert; dieser wird ignoriert</translation>
    </message>
    <message>
        <source>expected &apos;key = value&apos;, got &apos;%1&apos;</source>
        <translation>&apos;key = value&apos; erwartet, &apos;%1&apos; gefunden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is outside any [section]</source>
        <translation>&apos;%1&apos; steht außerhalb jedes [Abschnitts]</translation>
    </message>
    <message>
        <source>key &apos;%1&apos; already set at line %2; this one is ignored</source>
        <translation>Schlüssel &apos;%1&apos; ist bereits in Zeile %2 gesetzt; dieser wird ignoriert</translation>
    </message>
    <message>
        <source>interpolation too deep (a loop of %(key)s references?)</source>
        <translation>Interpolation zu tief (eine Schleife von %(key)s-Verweisen?)</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;%&apos; or &apos;(name)s&apos; (write %% for a literal %)</source>
        <translation>auf &apos;%&apos; muss &apos;%&apos; oder &apos;(name)s&apos; folgen (%% für ein wörtliches % schreiben)</translation>
    </message>
    <message>
        <source>%(%1)s refers to an unknown key</source>
        <translation>%(%1)s verweist auf einen unbekannten Schlüssel</translation>
    </message>
    <message>
        <source>expected KEY=VALUE, got &apos;%1&apos;</source>
        <translation>KEY=VALUE erwartet, &apos;%1&apos; gefunden</translation>
    </message>
    <message>
        <source>missing closing quote &apos; for %1</source>
        <translation>schließendes &apos; fehlt bei %1</translation>
    </message>
    <message>
        <source>missing closing quote &quot; for %1</source>
        <translation>schließendes &quot; fehlt bei %1</translation>
    </message>
    <message>
        <source>unquoted space in the value of %1; the line is ignored</source>
        <translation>Leerzeichen ohne Anführungszeichen im Wert von %1; die Zeile wird ignoriert</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IOC name for a config file</source>
        <translation>&apos;%1&apos; ist kein gültiger IOC-Name für eine Konfigurationsdatei</translation>
    </message>
    <message>
        <source>an INI file of procServUtils, not an epics-ioc-runner environment file</source>
        <translation>eine INI-Datei von procServUtils, keine Umgebungsdatei von epics-ioc-runner</translation>
    </message>
</context>
<context>
    <name>CreateCommand</name>
    <message>
        <source>Create an IOC in a site&apos;s layout (procServUtils, manage-iocs, a plain unit).</source>
        <translation>Einen IOC im Layout eines Standorts anlegen (procServUtils, manage-iocs, eine einfache Unit).</translation>
    </message>
    <message>
        <source>[OPTIONS] NAME -- COMMAND [ARG...]</source>
        <translation>[OPTIONS] NAME -- COMMAND [ARG...]</translation>
    </message>
    <message>
        <source>The layout to write: %1 (default: the one most IOCs on the host use, else procservutils).</source>
        <translation>Das zu schreibende Layout: %1 (Standard: das Layout, das die meisten IOCs auf dem Host verwenden, sonst procservutils).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The console: unix (the convention&apos;s socket, the default), unix:PATH, tcp:PORT (localhost) or auto (a free localhost port).</source>
        <translation>Die Konsole: unix (der Socket der Konvention, Standard), unix:PATH, tcp:PORT (localhost) oder auto (ein freier localhost-Port).</translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation>SPEC</translation>
    </message>
    <message>
        <source>The IOC&apos;s working directory (default: the current one).</source>
        <translation>Das Arbeitsverzeichnis des IOC (Standard: das aktuelle).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>An environment variable (repeatable).</source>
        <translation>Eine Umgebungsvariable (wiederholbar).</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>The account the IOC runs as (system manager).</source>
        <translation>Das Konto, unter dem der IOC läuft (Systemmanager).</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>Enable it (start at boot).</source>
        <translation>Aktivieren (beim Booten starten).</translation>
    </message>
    <message>
        <source>Start it once created.</source>
        <translation>Nach dem Anlegen starten.</translation>
    </message>
    <message>
        <source>Print every file with its content and every systemd call; change nothing.</source>
        <translation>Jede Datei mit ihrem Inhalt und jeden systemd-Aufruf ausgeben; nichts ändern.</translation>
    </message>
    <message>
        <source>The IOC&apos;s name.</source>
        <translation>Der Name des IOC.</translation>
    </message>
    <message>
        <source>The IOC&apos;s program and its arguments, after &apos;--&apos;.</source>
        <translation>Das Programm des IOC und seine Argumente, nach &apos;--&apos;.</translation>
    </message>
    <message>
        <source>-- COMMAND [ARG...]</source>
        <translation>-- COMMAND [ARG...]</translation>
    </message>
    <message>
        <source>Nothing is written when the name clashes with an IOC, a unit or a file, the command is missing or not executable, the port is bad or taken, or a file cannot be written (exit 2; 4 for missing permissions).</source>
        <translation>Es wird nichts geschrieben, wenn der Name mit einem IOC, einer Unit oder einer Datei kollidiert, der Befehl fehlt oder nicht ausführbar ist, der Port ungültig oder belegt ist oder eine Datei nicht geschrieben werden kann (Exit-Code 2; 4 bei fehlenden Berechtigungen).</translation>
    </message>
    <message>
        <source>&apos;create&apos; needs a NAME and, after &apos;--&apos;, a COMMAND.</source>
        <translation>&apos;create&apos; benötigt einen NAME und, nach &apos;--&apos;, einen COMMAND.</translation>
    </message>
    <message>
        <source>&apos;create&apos; needs a COMMAND after &apos;--&apos;.</source>
        <translation>&apos;create&apos; benötigt einen COMMAND nach &apos;--&apos;.</translation>
    </message>
    <message>
        <source>Creating %1 (%2, unit %3, console %4)</source>
        <translation>Lege %1 an (%2, Unit %3, Konsole %4)</translation>
    </message>
</context>
<context>
    <name>DetachKeys</name>
    <message>
        <source>Invalid detach key &quot;%1&quot;: use ctrl-&lt;a-z, @, [, \, ], ^ or _&gt; or a single character, separated by commas (e.g. &quot;ctrl-p,ctrl-q&quot;).</source>
        <translation>Ungültige Trenntaste &quot;%1&quot;: ctrl-&lt;a-z, @, [, \, ], ^ oder _&gt; oder ein einzelnes Zeichen verwenden, durch Kommas getrennt (z. B. &quot;ctrl-p,ctrl-q&quot;).</translation>
    </message>
    <message>
        <source>The detach key sequence is empty.</source>
        <translation>Die Tastenfolge zum Trennen ist leer.</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>The container engine at %1 sent an unreadable %2: %3</source>
        <translation>Die Container-Engine unter %1 sandte eine unlesbare Antwort (%2): %3</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>container list</source>
        <translation>Containerliste</translation>
    </message>
    <message>
        <source>container inspection</source>
        <translation>Containerdetails</translation>
    </message>
    <message>
        <source>create reply</source>
        <translation>Antwort auf das Anlegen</translation>
    </message>
    <message>
        <source>exec reply</source>
        <translation>Antwort auf exec</translation>
    </message>
    <message>
        <source>exec output</source>
        <translation>Ausgabe von exec</translation>
    </message>
    <message>
        <source>container statistics</source>
        <translation>Container-Statistiken</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>EngineEndpoint</name>
    <message>
        <source>%1=%2 names no absolute socket path</source>
        <translation>%1=%2 nennt keinen absoluten Socket-Pfad</translation>
    </message>
    <message>
        <source>%1=%2: a remote engine is reached through its host&apos;s connection (-H), not by an ssh:// URL</source>
        <translation>%1=%2: Eine entfernte Engine wird über die Verbindung ihres Hosts (-H) erreicht, nicht über eine ssh://-URL</translation>
    </message>
    <message>
        <source>%1=%2: only unix:// sockets are supported</source>
        <translation>%1=%2: Nur unix://-Sockets werden unterstützt</translation>
    </message>
    <message>
        <source>%1=%2 is not a unix:// URL</source>
        <translation>%1=%2 ist keine unix://-URL</translation>
    </message>
    <message>
        <source>No container engine socket found (DOCKER_HOST and CONTAINER_HOST are not set; tried %1). Start one with `podman system service` or dockerd.</source>
        <translation>Kein Socket einer Container-Engine gefunden (DOCKER_HOST und CONTAINER_HOST sind nicht gesetzt; versucht: %1). Starten Sie eine mit `podman system service` oder dockerd.</translation>
    </message>
</context>
<context>
    <name>EngineEventStream</name>
    <message>
        <source>The container engine ended its event stream</source>
        <translation>Die Container-Engine hat ihren Ereignisstrom beendet</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>a line longer than 1 MiB</source>
        <translation>eine Zeile länger als 1 MiB</translation>
    </message>
</context>
<context>
    <name>EngineRequest</name>
    <message>
        <source>The container engine at %1 did not answer within %2 s</source>
        <translation>Die Container-Engine unter %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>The container engine at %1 sent a malformed response: %2</source>
        <translation>Die Container-Engine unter %1 sandte eine fehlerhafte Antwort: %2</translation>
    </message>
    <message>
        <source>The container engine at %1 closed the connection in the middle of a response (did it stop?)</source>
        <translation>Die Container-Engine unter %1 hat die Verbindung mitten in einer Antwort geschlossen (wurde sie beendet?)</translation>
    </message>
    <message>
        <source>The container engine at %1 closed the connection without an answer</source>
        <translation>Die Container-Engine unter %1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>No container engine socket at %1 (is `podman system service` or dockerd running?)</source>
        <translation>Kein Socket einer Container-Engine unter %1 (läuft `podman system service` oder dockerd?)</translation>
    </message>
    <message>
        <source>The container engine socket %1 refused the connection (the engine is not running)</source>
        <translation>Der Socket der Container-Engine %1 hat die Verbindung abgelehnt (die Engine läuft nicht)</translation>
    </message>
    <message>
        <source>Permission denied on the container engine socket %1</source>
        <translation>Zugriff verweigert auf den Socket der Container-Engine %1</translation>
    </message>
    <message>
        <source>The connection to the container engine at %1 failed: %2</source>
        <translation>Die Verbindung zur Container-Engine unter %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The container engine answered %1 %2</source>
        <translation>Die Container-Engine antwortete %1 %2</translation>
    </message>
</context>
<context>
    <name>EngineStream</name>
    <message>
        <source>%1 attach %2</source>
        <translation>%1 attach %2</translation>
    </message>
    <message>
        <source>%1 exec %2 (%3)</source>
        <translation>%1 exec %2 (%3)</translation>
    </message>
    <message>
        <source>%1 exec %2 %3</source>
        <translation>%1 exec %2 %3</translation>
    </message>
    <message>
        <source>No relay command to reach the console in container %1</source>
        <translation>Kein Relay-Befehl, um die Konsole im Container %1 zu erreichen</translation>
    </message>
    <message>
        <source>Cannot start %1 in container %2: %3</source>
        <translation>%1 kann im Container %2 nicht gestartet werden: %3</translation>
    </message>
    <message>
        <source>The container engine at %1 answered an exec without its ID</source>
        <translation>Die Container-Engine unter %1 beantwortete ein exec ohne dessen ID</translation>
    </message>
    <message>
        <source>The container %1 is not running</source>
        <translation>Der Container %1 läuft nicht</translation>
    </message>
    <message>
        <source>The container %1 has no TTY: Podman closes its stdin when an attach ends, which would end the IOC shell. Create it with a TTY (podman run -it, compose tty: true) to type into it; a read-only console works.</source>
        <translation>Der Container %1 hat kein TTY: Podman schließt seine Standardeingabe, wenn ein attach endet, und das würde die IOC-Shell beenden. Erstellen Sie ihn mit einem TTY (podman run -it, compose tty: true), um darin zu tippen; eine schreibgeschützte Konsole funktioniert.</translation>
    </message>
    <message>
        <source>The connection to the container engine at %1 failed: %2</source>
        <translation>Die Verbindung zur Container-Engine unter %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The container engine at %1 sent a malformed response: %2</source>
        <translation>Die Container-Engine unter %1 sandte eine fehlerhafte Antwort: %2</translation>
    </message>
    <message>
        <source>The container engine at %1 sent a malformed stream: %2</source>
        <translation>Die Container-Engine unter %1 sandte einen fehlerhaften Datenstrom: %2</translation>
    </message>
    <message>
        <source>The container engine at %1 closed the connection without an answer</source>
        <translation>Die Container-Engine unter %1 schloss die Verbindung ohne Antwort</translation>
    </message>
    <message>
        <source>The container engine ended the attach to %1 (did the container stop?)</source>
        <translation>Die Container-Engine beendete das attach an %1 (wurde der Container gestoppt?)</translation>
    </message>
    <message>
        <source>The relay %1 in container %2 ended</source>
        <translation>Das Relay %1 im Container %2 endete</translation>
    </message>
    <message>
        <source>The relay %1 in container %2 ended: %3</source>
        <translation>Das Relay %1 im Container %2 endete: %3</translation>
    </message>
</context>
<context>
    <name>EnvironmentFile</name>
    <message>
        <source>invalid UTF-8, ignored</source>
        <translation>ungültiges UTF-8, ignoriert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name, ignored</source>
        <translation>„%1“ ist kein gültiger Variablenname, ignoriert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no &apos;=&apos;, ignored</source>
        <translation>„%1“ hat kein &apos;=&apos;, ignoriert</translation>
    </message>
    <message>
        <source>the quote %1 opened here is not closed: the value of %2 runs to the end of the file</source>
        <translation>das hier geöffnete Anführungszeichen %1 wird nicht geschlossen: der Wert von %2 reicht bis zum Ende der Datei</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>EventModel</name>
    <message>
        <source>result %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <source>exit: %1</source>
        <translation>Exit: %1</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>IOC</source>
        <translation>IOC</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>(from the journal)</source>
        <translation>(aus dem Journal)</translation>
    </message>
    <message>
        <source>%1 (from the journal)</source>
        <translation>%1 (aus dem Journal)</translation>
    </message>
    <message>
        <source>%1
Read back from the host&apos;s journal.</source>
        <translation>%1
Aus dem Journal des Hosts gelesen.</translation>
    </message>
    <message>
        <source>restart counter %1</source>
        <translation>Neustartzähler %1</translation>
    </message>
</context>
<context>
    <name>EventsCommand</name>
    <message>
        <source>Stream what changes: IOCs started, stopped, crashing; hosts lost and back.</source>
        <translation>Änderungen als Strom ausgeben: IOCs gestartet, gestoppt, abstürzend; Hosts verloren und zurück.</translation>
    </message>
    <message>
        <source>Only events of IOCs matching KEY=VALUE (as &apos;ps --filter&apos;), or event=TYPE (repeatable: any of them); terms AND together.</source>
        <translation>Nur Ereignisse von IOCs, die KEY=VALUE entsprechen (wie &apos;ps --filter&apos;), oder event=TYPE (wiederholbar: einer davon); Terme werden UND-verknüpft.</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>json (one object per line) or a template such as &apos;{{.Time}} {{.Type}} {{.Label}}&apos;.</source>
        <translation>json (ein Objekt pro Zeile) oder eine Vorlage wie &apos;{{.Time}} {{.Type}} {{.Label}}&apos;.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>&apos;events&apos; takes no names; select with -f name=GLOB.</source>
        <translation>&apos;events&apos; nimmt keine Namen; wählen Sie mit -f name=GLOB aus.</translation>
    </message>
    <message>
        <source>Bad filter: %1</source>
        <translation>Ungültiger Filter: %1</translation>
    </message>
    <message>
        <source>Bad format template: %1</source>
        <translation>Ungültige Formatvorlage: %1</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n IOC(s)</source>
        <translation>
            <numerusform>Beobachte %n IOC</numerusform>
            <numerusform>Beobachte %n IOCs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n host(s).</source>
        <translation>
            <numerusform> auf %n Host.</numerusform>
            <numerusform> auf %n Hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>[--since TIME] [--until TIME] [-f FILTER]... [--format json|TEMPLATE]</source>
        <translation>[--since TIME] [--until TIME] [-f FILTER]... [--format json|TEMPLATE]</translation>
    </message>
    <message>
        <source>--until is before --since.</source>
        <translation>--until liegt vor --since.</translation>
    </message>
    <message>
        <source>No journal on %1: its past events cannot be replayed; events from now on.</source>
        <translation>Kein Journal auf %1: Vergangene Ereignisse von dort können nicht wiedergegeben werden; Ereignisse ab jetzt.</translation>
    </message>
    <message>
        <source>Past events of %1 not replayed: %2</source>
        <translation>Frühere Ereignisse von %1 nicht wiedergegeben: %2</translation>
    </message>
    <message>
        <source>First replay what the journal kept since TIME: a date and time, a Unix time, or a duration before now (10m, 2h; as docker events).</source>
        <translation>Zuerst wiedergeben, was das Journal seit ZEIT aufbewahrt hat: ein Datum mit Uhrzeit, eine Unix-Zeit oder eine Dauer vor jetzt (10m, 2h; wie docker events).</translation>
    </message>
    <message>
        <source>Stop at TIME: a date and time, a Unix time, or a duration from now (90s, 5m, 2h; &quot;10m ago&quot; or -10m: before now).</source>
        <translation>Um ZEIT enden: ein Datum mit Uhrzeit, eine Unix-Zeit oder eine Dauer ab jetzt (90s, 5m, 2h; „10m ago“ oder -10m: vor jetzt).</translation>
    </message>
    <message>
        <source>--since wants %1; not &quot;%2&quot;.</source>
        <translation>--since erwartet %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>--until wants %1; not &quot;%2&quot;.</source>
        <translation>--until erwartet %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>Unknown event type &apos;%1&apos;; the types are: %2.</source>
        <translation>Unbekannter Ereignistyp &apos;%1&apos;; die Typen sind: %2.</translation>
    </message>
    <message>
        <source>Event types: start (pid=), stop, fail (result=), restart (restarts=: systemd restarted the unit on its own, or an engine its container), job (result=, job=), child-exit (exit=), child-restart (pid=), crashloop-enter, crashloop-leave, add, remove, host-lost, host-back. A restart asked for is a stop and a start.
Events are what iocctl sees change from the moment it has listed the IOCs; --since first replays start, stop, fail, restart and job (and procServ&apos;s child-exit and child-restart where its lines reach the journal) from each host&apos;s journal. Template fields: .Time .Type .Host .Name .Unit .Label .Result .Exit .Pid .Attributes.</source>
        <translation>Ereignistypen: start (pid=), stop, fail (result=), restart (restarts=: systemd hat die Unit von sich aus neu gestartet, oder eine Engine ihren Container), job (result=, job=), child-exit (exit=), child-restart (pid=), crashloop-enter, crashloop-leave, add, remove, host-lost, host-back. Ein verlangter Neustart ist ein stop und ein start.
Ereignisse sind die Änderungen, die iocctl ab dem Moment sieht, in dem es die IOCs aufgelistet hat; --since gibt zuerst start, stop, fail, restart und job (sowie child-exit und child-restart von procServ, soweit dessen Zeilen das Journal erreichen) aus dem Journal jedes Hosts wieder. Vorlagenfelder: .Time .Type .Host .Name .Unit .Label .Result .Exit .Pid .Attributes.</translation>
    </message>
</context>
<context>
    <name>EventsPane</name>
    <message>
        <source>Filter events (host, IOC, event, detail)</source>
        <translation>Ereignisse filtern (Host, IOC, Ereignis, Detail)</translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Load &amp;Earlier</source>
        <translation>&amp;Frühere laden</translation>
    </message>
    <message>
        <source>Read the day before the earliest event read back from the hosts&apos; journals</source>
        <translation>Den Tag vor dem frühesten aus den Journalen der Hosts gelesenen Ereignis lesen</translation>
    </message>
    <message>
        <source>No journal on %1: its events show from the moment iocdock listed it.</source>
        <translation>Kein Journal auf %1: seine Ereignisse erscheinen ab dem Moment, in dem iocdock ihn gelistet hat.</translation>
    </message>
    <message>
        <source>Past events of %1 not read: %2</source>
        <translation>Frühere Ereignisse von %1 nicht gelesen: %2</translation>
    </message>
</context>
<context>
    <name>ExecLineCommand</name>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>The IOC shell&apos;s prompt that ends the reply (default &quot;epics&gt; &quot;).</source>
        <translation>Der Prompt der IOC-Shell, der die Antwort beendet (Standard &quot;epics&gt; &quot;).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>-- LINE</source>
        <translation>-- ZEILE</translation>
    </message>
    <message>
        <source>&apos;exec&apos; needs an IOC name and a command line: iocctl exec NAME -- LINE</source>
        <translation>&apos;exec&apos; braucht einen IOC-Namen und eine Befehlszeile: iocctl exec NAME -- ZEILE</translation>
    </message>
    <message>
        <source>The command line is empty.</source>
        <translation>Die Befehlszeile ist leer.</translation>
    </message>
    <message>
        <source>Refusing to send a control character (0x%1 at position %2): procServ and the IOC shell act on those. Use &apos;iocctl attach&apos; to type it.</source>
        <translation>Ein Steuerzeichen (0x%1 an Position %2) wird nicht gesendet: procServ und die IOC-Shell reagieren darauf. Zum Eintippen &apos;iocctl attach&apos; verwenden.</translation>
    </message>
    <message>
        <source>--timeout wants a positive number of seconds, not &quot;%1&quot;.</source>
        <translation>--timeout erwartet eine positive Zahl von Sekunden, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Run one IOC shell command on one or many IOCs and print the output.</source>
        <translation>Einen IOC-Shell-Befehl auf einem oder vielen IOCs ausführen und die Ausgabe ausgeben.</translation>
    </message>
    <message>
        <source>[--timeout SECONDS] [--prompt TEXT] NAME -- LINE
       iocctl [HOST OPTIONS] exec [-f FILTER]... [--parallel N] [--format json] [NAME|GLOB]... -- LINE</source>
        <translation>[--timeout SECONDS] [--prompt TEXT] NAME -- LINE
       iocctl [HOST OPTIONS] exec [-f FILTER]... [--parallel N] [--format json] [NAME|GLOB]... -- LINE</translation>
    </message>
    <message>
        <source>Seconds to wait for the prompt after the command (default 10); per IOC.</source>
        <translation>Sekunden, die nach dem Befehl auf den Prompt gewartet wird (Standard 10); pro IOC.</translation>
    </message>
    <message>
        <source>Run on every IOC matching KEY=VALUE (as &apos;ps --filter&apos;; repeatable, terms AND together); with names, on those of them that match.</source>
        <translation>Auf jedem IOC ausführen, der KEY=VALUE entspricht (wie &apos;ps --filter&apos;; wiederholbar, Terme werden UND-verknüpft); mit Namen auf denjenigen davon, die passen.</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>With several IOCs: how many consoles at a time (default 8).</source>
        <translation>Bei mehreren IOCs: wie viele Konsolen gleichzeitig (Standard 8).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>With several IOCs: &apos;json&apos; prints one array of {host, name, unit, status, output, error}.</source>
        <translation>Bei mehreren IOCs: &apos;json&apos; gibt ein Array von {host, name, unit, status, output, error} aus.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs (quote globs: &apos;motor*&apos;).</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster (Muster in Anführungszeichen: &apos;motor*&apos;).</translation>
    </message>
    <message>
        <source>NAME|GLOB...</source>
        <translation>NAME|GLOB...</translation>
    </message>
    <message>
        <source>The command line; words are joined with spaces. Put it after -- when it has options of its own, or with several IOCs.</source>
        <translation>Die Befehlszeile; Wörter werden mit Leerzeichen verbunden. Setzen Sie sie hinter --, wenn sie eigene Optionen hat oder bei mehreren IOCs.</translation>
    </message>
    <message>
        <source>The line is sent with a carriage return, as the Enter key does. Lines with control characters are refused (exit code 2): use &apos;attach&apos; for those.
Into a pipe or file the reply passes byte for byte; on a terminal, sequences that would act on the terminal are dropped and control characters and invalid UTF-8 are shown as ^@ and \xff. When the IOC process exits meanwhile, exec says so at once (exit code 1).
Several names, a glob, -f or --format run the line on every matching IOC, --parallel at a time; each reply is printed whole, under a &apos;==&gt; NAME &lt;==&apos; header (&apos;==&gt; HOST/NAME &lt;==&apos; with several hosts), in the order of the IOCs (as named, a glob&apos;s matches and filtered ones by name). An IOC that is stopped, shut down, exits or times out is reported and the others go on; exit code 0 only when every IOC replied, 1 when one or more did not; 4 when a host could not be reached (and every IOC of the others replied). --format json shows the output as text (JSON-escaped; invalid UTF-8 replaced).</source>
        <translation>Die Zeile wird mit einem Wagenrücklauf gesendet, wie es die Eingabetaste tut. Zeilen mit Steuerzeichen werden abgelehnt (Exit-Code 2): Verwenden Sie dafür &apos;attach&apos;.
In eine Pipe oder Datei geht die Antwort Byte für Byte; auf einem Terminal werden Sequenzen, die auf das Terminal wirken würden, verworfen, und Steuerzeichen und ungültiges UTF-8 werden als ^@ und \xff angezeigt. Beendet sich der IOC-Prozess währenddessen, meldet exec das sofort (Exit-Code 1).
Mehrere Namen, ein Glob, -f oder --format führen die Zeile auf jedem passenden IOC aus, --parallel gleichzeitig; jede Antwort wird vollständig ausgegeben, unter einer Kopfzeile &apos;==&gt; NAME &lt;==&apos; (&apos;==&gt; HOST/NAME &lt;==&apos; bei mehreren Hosts), in der Reihenfolge der IOCs (wie benannt, die Treffer eines Globs und gefilterte nach Name). Ein IOC, der gestoppt oder heruntergefahren ist, sich beendet oder in eine Zeitüberschreitung läuft, wird gemeldet, und die anderen laufen weiter; Exit-Code 0 nur, wenn jeder IOC geantwortet hat, 1, wenn einer oder mehrere nicht geantwortet haben; 4, wenn ein Host nicht erreicht werden konnte (und jeder IOC der anderen geantwortet hat). --format json zeigt die Ausgabe als Text (JSON-maskiert; ungültiges UTF-8 ersetzt).</translation>
    </message>
    <message>
        <source>--parallel wants a positive number, not &quot;%1&quot;.</source>
        <translation>--parallel erwartet eine positive Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--format of exec is json or text, not &quot;%1&quot;.</source>
        <translation>--format von exec ist json oder text, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Bad filter: %1</source>
        <translation>Ungültiger Filter: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n IOC(s) replied; no reply from: %2</source>
        <translation>
            <numerusform>%1 von %n IOC hat geantwortet; keine Antwort von: %2</numerusform>
            <numerusform>%1 von %n IOCs haben geantwortet; keine Antwort von: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExecLineJob</name>
    <message>
        <source>exited (status %1)</source>
        <translation>hat sich beendet (Status %1)</translation>
    </message>
    <message>
        <source>was killed by signal %1</source>
        <translation>wurde durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>hat sich beendet (%1)</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>hat sich beendet</translation>
    </message>
    <message>
        <source>%1 is not running (start it with: iocctl start %1)</source>
        <translation>%1 läuft nicht (Start mit: iocctl start %1)</translation>
    </message>
    <message>
        <source>%1 runs procServ in the %2 container %3, and its command names no console endpoint iocctl can reach.</source>
        <translation>%1 führt procServ im %2-Container %3 aus, und sein Befehl nennt keinen Konsolenendpunkt, den iocctl erreichen kann.</translation>
    </message>
    <message>
        <source>%1 has no procServ console endpoint in %2.</source>
        <translation>%1 hat keinen procServ-Konsolenendpunkt in %2.</translation>
    </message>
    <message>
        <source>Console of %1 (%2): %3</source>
        <translation>Konsole von %1 (%2): %3</translation>
    </message>
    <message>
        <source>The console of %1 closed before the reply was complete.</source>
        <translation>Die Konsole von %1 wurde geschlossen, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>The IOC %1 is shut down (procServ runs, its child does not); nothing was sent.</source>
        <translation>Der IOC %1 ist heruntergefahren (procServ läuft, sein Kindprozess nicht); es wurde nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n second(s) waiting for procServ to start the IOC process of %1 (it is shut down); nothing was sent.</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %n Sekunde beim Warten darauf, dass procServ den IOC-Prozess von %1 startet (er ist heruntergefahren); es wurde nichts gesendet.</numerusform>
            <numerusform>Zeitüberschreitung nach %n Sekunden beim Warten darauf, dass procServ den IOC-Prozess von %1 startet (er ist heruntergefahren); es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n second(s) waiting for the IOC %1 to finish starting (its prompt &quot;%2&quot; did not come; pass another with --prompt); nothing was sent.</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %n Sekunde beim Warten darauf, dass der IOC %1 fertig startet (sein Prompt „%2“ kam nicht; mit --prompt einen anderen angeben); es wurde nichts gesendet.</numerusform>
            <numerusform>Zeitüberschreitung nach %n Sekunden beim Warten darauf, dass der IOC %1 fertig startet (sein Prompt „%2“ kam nicht; mit --prompt einen anderen angeben); es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n second(s) waiting for the console of %1.</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %n Sekunde beim Warten auf die Konsole von %1.</numerusform>
            <numerusform>Zeitüberschreitung nach %n Sekunden beim Warten auf die Konsole von %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n second(s) waiting for the prompt &quot;%1&quot; (if %2 uses another prompt, pass it with --prompt).</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %n Sekunde beim Warten auf den Prompt „%1“ (falls %2 einen anderen Prompt verwendet, diesen mit --prompt angeben).</numerusform>
            <numerusform>Zeitüberschreitung nach %n Sekunden beim Warten auf den Prompt „%1“ (falls %2 einen anderen Prompt verwendet, diesen mit --prompt angeben).</numerusform>
        </translation>
    </message>
    <message>
        <source>procServ restarted it (PID %1)</source>
        <translation>procServ hat ihn neu gestartet (PID %1)</translation>
    </message>
    <message>
        <source>procServ restarts it (auto restart is ON)</source>
        <translation>procServ startet ihn neu (Autoneustart ist ON)</translation>
    </message>
    <message>
        <source>it stays shut down (procServ&apos;s auto restart is OFF)</source>
        <translation>er bleibt heruntergefahren (Autoneustart von procServ ist OFF)</translation>
    </message>
    <message>
        <source>procServ ends too (auto restart is ONESHOT)</source>
        <translation>procServ endet ebenfalls (Autoneustart ist ONESHOT)</translation>
    </message>
    <message>
        <source>The IOC process of %1 %2 after the command was sent; no prompt follows.</source>
        <translation>Der IOC-Prozess von %1 %2, nachdem der Befehl gesendet wurde; es folgt kein Prompt.</translation>
    </message>
    <message>
        <source>The IOC process of %1 %2 after the command was sent; %3.</source>
        <translation>Der IOC-Prozess von %1 %2, nachdem der Befehl gesendet wurde; %3.</translation>
    </message>
</context>
<context>
    <name>ExecResultsView</name>
    <message>
        <source>Copy All</source>
        <translation>Alles kopieren</translation>
    </message>
    <message>
        <source>Copy every reply with its header</source>
        <translation>Jede Antwort mit ihrer Kopfzeile kopieren</translation>
    </message>
    <message>
        <source>==&gt; %1 — waiting &lt;==</source>
        <translation>==&gt; %1 — wartet &lt;==</translation>
    </message>
    <message>
        <source>%1 — ok</source>
        <translation>%1 — OK</translation>
    </message>
    <message>
        <source>%1 — no console: %2</source>
        <translation>%1 — keine Konsole: %2</translation>
    </message>
    <message>
        <source>%1 — failed: %2</source>
        <translation>%1 — fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(keine Ausgabe)</translation>
    </message>
    <message numerus="yes">
        <source>“%1” on %n IOC(s): </source>
        <translation>
            <numerusform>„%1“ auf %n IOC: </numerusform>
            <numerusform>„%1“ auf %n IOCs: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 done, %n failed</source>
        <translation>
            <numerusform>%1 von %2 fertig, %n fehlgeschlagen</numerusform>
            <numerusform>%1 von %2 fertig, %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 fertig</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>; waiting for %1</source>
        <translation>; ausstehend: %1</translation>
    </message>
</context>
<context>
    <name>FileSource</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&lt;p&gt;The filter language of &lt;tt&gt;iocctl ps --filter&lt;/tt&gt;:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;key=value&lt;/tt&gt;, &lt;tt&gt;key!=value&lt;/tt&gt;, &lt;tt&gt;restarts&amp;gt;N&lt;/tt&gt;; values may hold alternatives (&lt;tt&gt;status=running|failed&lt;/tt&gt;) and globs (&lt;tt&gt;name=motor*&lt;/tt&gt;). A free word matches IOC names. Terms AND together.&lt;/p&gt;&lt;p&gt;Keys: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Filtersprache von &lt;tt&gt;iocctl ps --filter&lt;/tt&gt;:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;schlüssel=wert&lt;/tt&gt;, &lt;tt&gt;schlüssel!=wert&lt;/tt&gt;, &lt;tt&gt;restarts&amp;gt;N&lt;/tt&gt;; Werte können Alternativen (&lt;tt&gt;status=running|failed&lt;/tt&gt;) und Platzhalter (&lt;tt&gt;name=motor*&lt;/tt&gt;) enthalten. Ein freies Wort sucht in IOC-Namen. Alle Bedingungen müssen zutreffen.&lt;/p&gt;&lt;p&gt;Schlüssel: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show IOCs in any state</source>
        <translation>IOCs in jedem Zustand zeigen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Show running IOCs only</source>
        <translation>Nur laufende IOCs zeigen</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Nicht laufend</translation>
    </message>
    <message>
        <source>Show IOCs that are stopped, shut down, failed or in transition</source>
        <translation>Gestoppte, heruntergefahrene, fehlgeschlagene oder wechselnde IOCs zeigen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Show failed IOCs only</source>
        <translation>Nur fehlgeschlagene IOCs zeigen</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <source>Filter: motor  status=running|failed  host=ioc-srv*  enabled=true  restarts&gt;0</source>
        <translation>Filter: motor  status=running|failed  host=ioc-srv*  enabled=true  restarts&gt;0</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>How to write a filter</source>
        <translation>Wie man einen Filter schreibt</translation>
    </message>
    <message>
        <source>Filter help</source>
        <translation>Filter-Hilfe</translation>
    </message>
    <message>
        <source>&lt;tt&gt;%1&lt;/tt&gt;: %2</source>
        <translation>&lt;tt&gt;%1&lt;/tt&gt;: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Filter&lt;/b&gt; (the language of &lt;tt&gt;iocctl ps --filter&lt;/tt&gt;)&lt;/p&gt;&lt;p&gt;Terms separated by spaces; every term must match.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;tt&gt;motor&lt;/tt&gt;: a free word matches IOC names containing it&lt;/li&gt;&lt;li&gt;&lt;tt&gt;key=value&lt;/tt&gt;, &lt;tt&gt;key!=value&lt;/tt&gt;: a key is or is not the value&lt;/li&gt;&lt;li&gt;&lt;tt&gt;status=running|failed&lt;/tt&gt;: alternatives with |&lt;/li&gt;&lt;li&gt;&lt;tt&gt;name=motor*&lt;/tt&gt;, &lt;tt&gt;host=ioc-srv?&lt;/tt&gt;: globs (* ? [...]) in name, unit, host, runtime and image&lt;/li&gt;&lt;li&gt;&lt;tt&gt;restarts&amp;gt;0&lt;/tt&gt;: also &amp;lt;, &amp;gt;=, &amp;lt;= (restarts only)&lt;/li&gt;&lt;li&gt;&lt;tt&gt;&apos;name=a b&apos;&lt;/tt&gt;: quotes keep spaces&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Keys: %1&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Examples: &lt;tt&gt;status=failed&lt;/tt&gt; &amp;nbsp; &lt;tt&gt;host=ioc1 enabled=false&lt;/tt&gt; &amp;nbsp; &lt;tt&gt;status!=running restarts&amp;gt;=3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;The buttons beside the filter (All, Running, Not running, Failed) add a status condition of their own.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Filter&lt;/b&gt; (die Sprache von &lt;tt&gt;iocctl ps --filter&lt;/tt&gt;)&lt;/p&gt;&lt;p&gt;Terme durch Leerzeichen getrennt; jeder Term muss zutreffen.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;tt&gt;motor&lt;/tt&gt;: ein freies Wort trifft IOC-Namen, die es enthalten&lt;/li&gt;&lt;li&gt;&lt;tt&gt;key=value&lt;/tt&gt;, &lt;tt&gt;key!=value&lt;/tt&gt;: ein Schlüssel ist bzw. ist nicht der Wert&lt;/li&gt;&lt;li&gt;&lt;tt&gt;status=running|failed&lt;/tt&gt;: Alternativen mit |&lt;/li&gt;&lt;li&gt;&lt;tt&gt;name=motor*&lt;/tt&gt;, &lt;tt&gt;host=ioc-srv?&lt;/tt&gt;: Glob-Muster (* ? [...]) in name, unit, host, runtime und image&lt;/li&gt;&lt;li&gt;&lt;tt&gt;restarts&amp;gt;0&lt;/tt&gt;: auch &amp;lt;, &amp;gt;=, &amp;lt;= (nur restarts)&lt;/li&gt;&lt;li&gt;&lt;tt&gt;&apos;name=a b&apos;&lt;/tt&gt;: Anführungszeichen erhalten Leerzeichen&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Schlüssel: %1&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Beispiele: &lt;tt&gt;status=failed&lt;/tt&gt; &amp;nbsp; &lt;tt&gt;host=ioc1 enabled=false&lt;/tt&gt; &amp;nbsp; &lt;tt&gt;status!=running restarts&amp;gt;=3&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Die Schaltflächen neben dem Filter (Alle, Laufend, Nicht laufend, Fehlgeschlagen) fügen eine eigene Statusbedingung hinzu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Saved filters: pick one, or save the current filter and status toggle under a name (iocctl ps -f @NAME reads them)</source>
        <translation>Gespeicherte Filter: Wählen Sie einen aus, oder speichern Sie den aktuellen Filter und Statusschalter unter einem Namen (iocctl ps -f @NAME liest sie)</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>The filter is not valid: %1</source>
        <translation>Der Filter ist ungültig: %1</translation>
    </message>
    <message>
        <source>No saved filter named &quot;%1&quot;.</source>
        <translation>Kein gespeicherter Filter namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name for “%1”%2 (iocctl ps -f @NAME reads it too):</source>
        <translation>Name für „%1“%2 (iocctl ps -f @NAME liest ihn auch):</translation>
    </message>
    <message>
        <source> + %1</source>
        <translation> + %1</translation>
    </message>
    <message>
        <source>%1	%2</source>
        <translation>%1	%2</translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation>Keine gespeicherten Filter</translation>
    </message>
    <message>
        <source>&amp;Save Current Filter…</source>
        <translation>Aktuellen Filter &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>Fleet</name>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Cannot reach the container engine of %1 at %2: %3</source>
        <translation>Die Container-Engine von %1 unter %2 ist nicht erreichbar: %3</translation>
    </message>
</context>
<context>
    <name>FleetEvent</name>
    <message>
        <source>unknown field .%1 (fields: .Time .Type .Host .Name .Unit .Label .Result .Exit .Pid .Attributes)</source>
        <translation>unbekanntes Feld .%1 (Felder: .Time .Type .Host .Name .Unit .Label .Result .Exit .Pid .Attributes)</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>This machine (system)</source>
        <translation>Dieser Rechner (System)</translation>
    </message>
    <message>
        <source>This machine (user)</source>
        <translation>Dieser Rechner (Benutzer)</translation>
    </message>
    <message>
        <source>Bus %1</source>
        <translation>Bus %1</translation>
    </message>
    <message>
        <source>The host is empty.</source>
        <translation>Der Host ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation>„%1“ ist kein gültiger Benutzername.</translation>
    </message>
    <message>
        <source>A missing &quot;]&quot; in &quot;%1&quot;.</source>
        <translation>In „%1“ fehlt ein „]“.</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; after the address.</source>
        <translation>Unerwartetes „%1“ nach der Adresse.</translation>
    </message>
    <message>
        <source>The host name is empty.</source>
        <translation>Der Hostname ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>„%1“ ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid port (1 to 65535).</source>
        <translation>„%1“ ist kein gültiger Port (1 bis 65535).</translation>
    </message>
    <message>
        <source>A bus address is missing after &quot;bus:&quot;.</source>
        <translation>Nach „bus:“ fehlt eine Bus-Adresse.</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>host key changed</source>
        <translation>Host-Schlüssel geändert</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>Host-Schlüssel unbekannt</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 — retrying</source>
        <translation>%1 — neuer Versuch</translation>
    </message>
    <message>
        <source>Cannot start ssh: %1</source>
        <translation>ssh kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The host key of %1 has changed: connection refused. This may be an attack; if the change is expected, remove the old key with &quot;ssh-keygen -R&quot;.</source>
        <translation>Der Host-Schlüssel von %1 hat sich geändert: Verbindung abgelehnt. Das kann ein Angriff sein; ist die Änderung erwartet, den alten Schlüssel mit „ssh-keygen -R“ entfernen.</translation>
    </message>
    <message>
        <source>The host key of %1 is not known: connection refused. Connect once with ssh to check and accept it.</source>
        <translation>Der Host-Schlüssel von %1 ist nicht bekannt: Verbindung abgelehnt. Einmal mit ssh verbinden, um ihn zu prüfen und anzunehmen.</translation>
    </message>
    <message>
        <source>Authentication failed for %1: %2</source>
        <translation>Authentifizierung für %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>ssh to %1 failed (exit status %2).</source>
        <translation>ssh zu %1 fehlgeschlagen (Exit-Status %2).</translation>
    </message>
    <message>
        <source>ssh to %1 failed: %2</source>
        <translation>ssh zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Could not connect to systemd on %1.</source>
        <translation>Keine Verbindung zu systemd auf %1.</translation>
    </message>
    <message>
        <source>Could not connect to systemd on %1: %2</source>
        <translation>Keine Verbindung zu systemd auf %1: %2</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung zu %1 ist verloren.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>Die Verbindung zu %1 ist verloren: %2</translation>
    </message>
    <message>
        <source>ssh cannot forward the abstract socket @%1</source>
        <translation>ssh kann den abstrakten Socket @%1 nicht weiterleiten</translation>
    </message>
</context>
<context>
    <name>HostDialog</name>
    <message>
        <source>The remote user&apos;s own IOCs (user manager)</source>
        <translation>Die eigenen IOCs des entfernten Benutzers (Benutzer-Manager)</translation>
    </message>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>[user@]host[:port]</source>
        <translation>[benutzer@]host[:port]</translation>
    </message>
    <message>
        <source>Reached with your own ssh setup (~/.ssh/config, agent, known_hosts). The host key must already be known.</source>
        <translation>Erreicht über Ihre eigene ssh-Einrichtung (~/.ssh/config, Agent, known_hosts). Der Host-Schlüssel muss bereits bekannt sein.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Enter a remote host; this machine&apos;s managers are chosen on the command line.</source>
        <translation>Einen entfernten Host eingeben; die Manager dieses Rechners werden auf der Befehlszeile gewählt.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
</context>
<context>
    <name>HostListModel</name>
    <message>
        <source>All hosts (%1)</source>
        <translation>Alle Hosts (%1)</translation>
    </message>
    <message>
        <source>Show the IOCs of every host</source>
        <translation>Die IOCs aller Hosts zeigen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1
Host id: %2
State: %3</source>
        <translation>%1
Host-Kennung: %2
Zustand: %3</translation>
    </message>
</context>
<context>
    <name>HostOptions</name>
    <message>
        <source>--bus needs a D-Bus address.</source>
        <translation>--bus braucht eine D-Bus-Adresse.</translation>
    </message>
    <message>
        <source>-H needs a host: [USER@]HOST.</source>
        <translation>-H braucht einen Host: [BENUTZER@]HOST.</translation>
    </message>
    <message>
        <source>Bad host &quot;%1&quot;: %2</source>
        <translation>Ungültiger Host &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>--hosts needs a file with one host per line.</source>
        <translation>--hosts braucht eine Datei mit einem Host pro Zeile.</translation>
    </message>
    <message>
        <source>--connect-timeout wants a positive number of seconds.</source>
        <translation>--connect-timeout erwartet eine positive Zahl von Sekunden.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>Unbekannte Option &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--user and --system contradict each other for %1: give one of them, or name a host&apos;s user manager as HOST/user.</source>
        <translation>--user und --system widersprechen sich für %1: eines davon angeben, oder den Benutzer-Manager eines Hosts als HOST/user benennen.</translation>
    </message>
    <message>
        <source>%1 names the user manager of %2, --system its system manager: give one of them.</source>
        <translation>%1 benennt den Benutzer-Manager von %2, --system seinen System-Manager: eines davon angeben.</translation>
    </message>
    <message>
        <source>Cannot read the hosts file %1: %2</source>
        <translation>Die Host-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: bad host &quot;%3&quot;: %4</source>
        <translation>%1:%2: ungültiger Host &quot;%3&quot;: %4</translation>
    </message>
    <message>
        <source>The hosts file %1 names no host.</source>
        <translation>Die Host-Datei %1 nennt keinen Host.</translation>
    </message>
</context>
<context>
    <name>InspectCommand</name>
    <message>
        <source>Print everything known about IOCs as a JSON array.</source>
        <translation>Alles über IOCs Bekannte als JSON-Array ausgeben.</translation>
    </message>
    <message>
        <source>NAME|GLOB...</source>
        <translation>NAME|MUSTER...</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs.</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster.</translation>
    </message>
    <message>
        <source>&apos;inspect&apos; needs at least one IOC name.</source>
        <translation>&apos;inspect&apos; braucht mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>[-f TEMPLATE] NAME|GLOB...</source>
        <translation>[-f TEMPLATE] NAME|GLOB...</translation>
    </message>
    <message>
        <source>Print TEMPLATE once per IOC instead of JSON, e.g. &apos;{{.name}} {{.lastExit.code}}&apos; or &apos;{{json .execStart}}&apos; (the JSON&apos;s keys; {{.Name}} works too).</source>
        <translation>TEMPLATE einmal pro IOC statt JSON ausgeben, z. B. &apos;{{.name}} {{.lastExit.code}}&apos; oder &apos;{{json .execStart}}&apos; (die Schlüssel des JSON; {{.Name}} geht auch).</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>TEMPLATE</translation>
    </message>
    <message>
        <source>Bad format template: %1</source>
        <translation>Ungültige Formatvorlage: %1</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>systemd could not load the unit (%1).</source>
        <translation>systemd konnte die Unit nicht laden (%1).</translation>
    </message>
    <message>
        <source>There is no IOC %1 on %2.</source>
        <translation>Es gibt keinen IOC %1 auf %2.</translation>
    </message>
    <message>
        <source>Could not read the details of %1: %2</source>
        <translation>Die Details von %1 ließen sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>systemd could not load the unit (%1): %2</source>
        <translation>systemd konnte die Unit nicht laden (%1): %2</translation>
    </message>
    <message>
        <source>%1 cannot be disabled: its unit has no [Install] section (static)</source>
        <translation>%1 kann nicht deaktiviert werden: seine Unit hat keinen [Install]-Abschnitt (static)</translation>
    </message>
    <message>
        <source>%1 cannot be enabled: its unit has no [Install] section (static)</source>
        <translation>%1 kann nicht aktiviert werden: seine Unit hat keinen [Install]-Abschnitt (static)</translation>
    </message>
</context>
<context>
    <name>IocActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the selected IOCs</source>
        <translation>Die ausgewählten IOCs starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the selected IOCs (their procServ ends too)</source>
        <translation>Die ausgewählten IOCs stoppen (ihr procServ endet auch)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>Neu sta&amp;rten</translation>
    </message>
    <message>
        <source>Restart the selected IOCs</source>
        <translation>Die ausgewählten IOCs neu starten</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Start the selected IOCs at boot</source>
        <translation>Die ausgewählten IOCs beim Systemstart starten</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Do not start the selected IOCs at boot</source>
        <translation>Die ausgewählten IOCs nicht beim Systemstart starten</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Open the procServ console of the selected IOCs in a tab</source>
        <translation>Die procServ-Konsole der ausgewählten IOCs in einem Reiter öffnen</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Follow the log of the selected IOCs</source>
        <translation>Dem Protokoll der ausgewählten IOCs folgen</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>Deta&amp;ils</translation>
    </message>
    <message>
        <source>Show everything known about the selected IOCs</source>
        <translation>Alles über die ausgewählten IOCs zeigen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1 on %2</source>
        <translation>• %1 auf %2</translation>
    </message>
    <message>
        <source>, up %1</source>
        <translation>, läuft seit %1</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message numerus="yes">
        <source>, %n console(s) open here</source>
        <translation>
            <numerusform>, %n Konsole hier offen</numerusform>
            <numerusform>, %n Konsolen hier offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• … and %n more</source>
        <translation>
            <numerusform>• … und %n weiterer</numerusform>
            <numerusform>• … und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop %n IOC(s)? The IOC and its procServ end; anyone attached to the console is disconnected.</source>
        <translation>
            <numerusform>%n IOC stoppen? Der IOC und sein procServ enden; wer mit der Konsole verbunden ist, wird getrennt.</numerusform>
            <numerusform>%n IOCs stoppen? Die IOCs und ihr procServ enden; wer mit einer Konsole verbunden ist, wird getrennt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restart %n IOC(s)? The IOC and its procServ are stopped and started again; anyone attached to the console is disconnected.</source>
        <translation>
            <numerusform>%n IOC neu starten? Der IOC und sein procServ werden gestoppt und wieder gestartet; wer mit der Konsole verbunden ist, wird getrennt.</numerusform>
            <numerusform>%n IOCs neu starten? Die IOCs und ihr procServ werden gestoppt und wieder gestartet; wer mit einer Konsole verbunden ist, wird getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Other users may be attached to the console from elsewhere.</source>
        <translation>Andere Benutzer können von anderswo mit der Konsole verbunden sein.</translation>
    </message>
    <message>
        <source>Stop IOCs</source>
        <translation>IOCs stoppen</translation>
    </message>
    <message>
        <source>Restart IOCs</source>
        <translation>IOCs neu starten</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>Starte %1…</translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation>Stoppe %1…</translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation>Starte %1 neu…</translation>
    </message>
    <message>
        <source>Enabling %1…</source>
        <translation>Aktiviere %1…</translation>
    </message>
    <message>
        <source>Disabling %1…</source>
        <translation>Deaktiviere %1…</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>%1 gestartet.</translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation>%1 gestoppt.</translation>
    </message>
    <message>
        <source>Restarted %1.</source>
        <translation>%1 neu gestartet.</translation>
    </message>
    <message>
        <source>Enabled %1: it starts at boot.</source>
        <translation>%1 aktiviert: startet beim Systemstart.</translation>
    </message>
    <message>
        <source>Disabled %1: it no longer starts at boot.</source>
        <translation>%1 deaktiviert: startet nicht mehr beim Systemstart.</translation>
    </message>
    <message>
        <source>%1: its host %2 is not connected.</source>
        <translation>%1: sein Host %2 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not %1 %n IOC(s):</source>
        <translation>
            <numerusform>Fehler bei „%1“ für %n IOC:</numerusform>
            <numerusform>Fehler bei „%1“ für %n IOCs:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New IOC…</source>
        <translation>&amp;Neuer IOC…</translation>
    </message>
    <message>
        <source>Create an IOC in its host&apos;s layout, as the site&apos;s own tool does</source>
        <translation>Einen IOC im Layout seines Hosts anlegen, wie es das Werkzeug des Standorts tut</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected IOC&apos;s unit and configuration (asks first)</source>
        <translation>Unit und Konfiguration des ausgewählten IOC entfernen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename the selected IOC (manage-iocs)</source>
        <translation>Den ausgewählten IOC umbenennen (manage-iocs)</translation>
    </message>
    <message>
        <source>Select one IOC.</source>
        <translation>Wählen Sie einen IOC aus.</translation>
    </message>
    <message>
        <source>%1 is a container: its engine&apos;s tools remove and rename it.</source>
        <translation>%1 ist ein Container: Die Werkzeuge seiner Engine entfernen und benennen ihn um.</translation>
    </message>
    <message>
        <source>Creating %1 (%2, unit %3, console %4)…</source>
        <translation>Lege %1 an (%2, Unit %3, Konsole %4)…</translation>
    </message>
    <message>
        <source>Created %1 on %2 (unit %3, console %4).</source>
        <translation>%1 auf %2 angelegt (Unit %3, Konsole %4).</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Entferne %1…</translation>
    </message>
    <message>
        <source>Removed %1 from %2.</source>
        <translation>%1 von %2 entfernt.</translation>
    </message>
    <message>
        <source>Removed %1 from %2; kept %3.</source>
        <translation>%1 von %2 entfernt; %3 behalten.</translation>
    </message>
    <message>
        <source>Renaming %1 to %2…</source>
        <translation>Benenne %1 in %2 um…</translation>
    </message>
    <message>
        <source>Renamed %1 to %2 on %3.</source>
        <translation>%1 auf %3 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Run &amp;Command…</source>
        <translation>Be&amp;fehl ausführen…</translation>
    </message>
    <message>
        <source>Run one IOC shell line on every selected IOC and show the replies in a tab</source>
        <translation>Eine IOC-Shell-Zeile auf jedem ausgewählten IOC ausführen und die Antworten in einem Tab zeigen</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 gestoppt</translation>
    </message>
    <message>
        <source>%1 restarted</source>
        <translation>%1 neu gestartet</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 aktiviert</translation>
    </message>
    <message>
        <source>%1 disabled</source>
        <translation>%1 deaktiviert</translation>
    </message>
    <message>
        <source>%1 of %2 done: %3</source>
        <translation>%1 von %2 fertig: %3</translation>
    </message>
    <message>
        <source>Run Command</source>
        <translation>Befehl ausführen</translation>
    </message>
    <message numerus="yes">
        <source>Run on %n IOC(s)</source>
        <translation>
            <numerusform>Auf %n IOC ausführen</numerusform>
            <numerusform>Auf %n IOCs ausführen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to the IOC shell of %n IOC(s) (%2)?</source>
        <translation>
            <numerusform>„%1“ an die IOC-Shell von %n IOC senden (%2)?</numerusform>
            <numerusform>„%1“ an die IOC-Shell von %n IOCs senden (%2)?</numerusform>
        </translation>
    </message>
    <message>
        <source>In &amp;Order…</source>
        <translation>Der &amp;Reihe nach…</translation>
    </message>
    <message>
        <source>Start, stop or restart the selected IOCs one after the other, with a delay between them</source>
        <translation>Die ausgewählten IOCs nacheinander starten, stoppen oder neu starten, mit einer Pause dazwischen</translation>
    </message>
    <message>
        <source>its host %1 is not connected</source>
        <translation>sein Host %1 ist nicht verbunden</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <source>Waiting %1 s before %2…</source>
        <translation>Warte %1 s vor %2…</translation>
    </message>
    <message>
        <source>Canceled after %1 of %2 IOC(s); not acted on: %3.</source>
        <translation>Abgebrochen nach %1 von %2 IOC(s); nicht bearbeitet: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n IOC(s) one after the other, %1 s apart: %2</source>
        <translation>
            <numerusform>%n IOC nacheinander, %1 s Abstand: %2</numerusform>
            <numerusform>%n IOCs nacheinander, %1 s Abstand: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the stop timeout applies to IOCs a systemd unit runs; this container stops with its engine&apos;s own timeout</source>
        <translation>die Stopp-Frist gilt für IOCs, die eine systemd-Unit ausführt; dieser Container stoppt mit der eigenen Frist seiner Engine</translation>
    </message>
    <message>
        <source>SIGKILL failed: %1</source>
        <translation>SIGKILL fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not stopped after %1 s: its processes were killed, and systemd shows its unit as failed</source>
        <translation>nach %1 s nicht gestoppt: seine Prozesse wurden beendet (SIGKILL), und systemd zeigt seine Unit als fehlgeschlagen</translation>
    </message>
    <message>
        <source>not stopped after %1 s: its processes were killed</source>
        <translation>nach %1 s nicht gestoppt: seine Prozesse wurden beendet (SIGKILL)</translation>
    </message>
    <message>
        <source>Not running, so nothing is sent to: %1.</source>
        <translation>Läuft nicht, daher wird nichts gesendet an: %1.</translation>
    </message>
</context>
<context>
    <name>IocAlerts</name>
    <message>
        <source>IOC %1 on %2 is in a crash loop: %3</source>
        <translation>IOC %1 auf %2 ist in einer Absturzschleife: %3</translation>
    </message>
    <message>
        <source>IOC %1 on %2 failed.</source>
        <translation>IOC %1 auf %2 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>IOC %1 on %2 failed (%3).</source>
        <translation>IOC %1 auf %2 ist fehlgeschlagen (%3).</translation>
    </message>
    <message>
        <source>IOC failed</source>
        <translation>IOC fehlgeschlagen</translation>
    </message>
    <message>
        <source>IOC crash loop</source>
        <translation>IOC-Absturzschleife</translation>
    </message>
</context>
<context>
    <name>IocDetailsWidget</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy everything shown here as JSON (as iocctl inspect prints it)</source>
        <translation>Alles hier Gezeigte als JSON kopieren (wie iocctl inspect es ausgibt)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is gone: systemd on %2 no longer knows %3. The values below are the last ones seen.</source>
        <translation>%1 ist weg: systemd auf %2 kennt %3 nicht mehr. Unten stehen die zuletzt gesehenen Werte.</translation>
    </message>
    <message>
        <source>%1 on %2 (%3 container %4)</source>
        <translation>%1 auf %2 (%3-Container %4)</translation>
    </message>
    <message>
        <source>%1 is gone: %2 on %3 no longer has the container %4. The values below are the last ones seen.</source>
        <translation>%1 ist verschwunden: %2 auf %3 hat den Container %4 nicht mehr. Die Werte unten sind die zuletzt gesehenen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>All details (JSON)</source>
        <translation>Alle Details (JSON)</translation>
    </message>
    <message>
        <source>Show JS&amp;ON</source>
        <translation>JS&amp;ON anzeigen</translation>
    </message>
    <message>
        <source>Show every value as iocctl inspect prints it, or the summary</source>
        <translation>Jeden Wert so anzeigen, wie iocctl inspect ihn ausgibt, oder die Übersicht</translation>
    </message>
    <message>
        <source>%1
Double-click or press Enter to open it</source>
        <translation>%1
Zum Öffnen doppelklicken oder die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>%1
On %2: right-click to copy the path</source>
        <translation>%1
Auf %2: Rechtsklick, um den Pfad zu kopieren</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>none (not running)</source>
        <translation>keine (läuft nicht)</translation>
    </message>
    <message>
        <source>IOC</source>
        <translation>IOC</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Child PID</source>
        <translation>Kind-PID</translation>
    </message>
    <message>
        <source>none (IOC shut down)</source>
        <translation>keine (IOC heruntergefahren)</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>unknown (at least %1)</source>
        <translation>unbekannt (mindestens %1)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>Last exit</source>
        <translation>Letztes Ende</translation>
    </message>
    <message>
        <source>procServ</source>
        <translation>procServ</translation>
    </message>
    <message>
        <source>procServ PID</source>
        <translation>procServ-PID</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Log port</source>
        <translation>Log-Port</translation>
    </message>
    <message>
        <source>Auto-restart</source>
        <translation>Autoneustart</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>kill %1, logout %2, ignored %3</source>
        <translation>Beenden %1, Abmelden %2, ignoriert %3</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Drop-ins</source>
        <translation>Drop-ins</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <source>none (not created)</source>
        <translation>keiner (nicht erstellt)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>no health check</source>
        <translation>keine Gesundheitsprüfung</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>Neustartrichtlinie</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Config error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>st.cmd directory</source>
        <translation>st.cmd-Verzeichnis</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>the journal (procServ&apos;s standard output)</source>
        <translation>das Journal (Standardausgabe von procServ)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>on this machine</source>
        <translation>auf diesem Rechner</translation>
    </message>
    <message>
        <source>on %1 (copy only)</source>
        <translation>auf %1 (nur kopieren)</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Konvention</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>The file is on %1</source>
        <translation>Die Datei liegt auf %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Events of this IOC</source>
        <translation>Ereignisse dieses IOC</translation>
    </message>
</context>
<context>
    <name>IocFilter</name>
    <message>
        <source>Missing closing quote %1</source>
        <translation>Schließendes Anführungszeichen %1 fehlt</translation>
    </message>
    <message>
        <source>Missing word after &apos;!&apos;</source>
        <translation>Nach &apos;!&apos; fehlt ein Wort</translation>
    </message>
    <message>
        <source>Missing filter key before &apos;%1&apos;</source>
        <translation>Vor &apos;%1&apos; fehlt ein Filterschlüssel</translation>
    </message>
    <message>
        <source>Unknown filter key &apos;%1&apos;. Known keys: %2</source>
        <translation>Unbekannter Filterschlüssel &apos;%1&apos;. Bekannte Schlüssel: %2</translation>
    </message>
    <message>
        <source>The operator &apos;%1&apos; works only with restarts; use &apos;=&apos; or &apos;!=&apos; with %2</source>
        <translation>Der Operator &apos;%1&apos; geht nur mit restarts; mit %2 &apos;=&apos; oder &apos;!=&apos; verwenden</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1%2&apos;</source>
        <translation>Nach &apos;%1%2&apos; fehlt ein Wert</translation>
    </message>
    <message>
        <source>Give one number after &apos;%1&apos;</source>
        <translation>Nach &apos;%1&apos; eine Zahl angeben</translation>
    </message>
    <message>
        <source>Empty alternative in &apos;%1&apos;</source>
        <translation>Leere Alternative in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Unknown status &apos;%1&apos;. Known: %2</source>
        <translation>Unbekannter Status &apos;%1&apos;. Bekannt: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a boolean; use true or false</source>
        <translation>&apos;%1&apos; ist kein Wahrheitswert; true oder false verwenden</translation>
    </message>
    <message>
        <source>Unknown convention &apos;%1&apos;. Known: %2</source>
        <translation>Unbekannte Konvention &apos;%1&apos;. Bekannt: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>IocFilterProxyModel</name>
    <message>
        <source>No IOCs found on the hosts shown.</source>
        <translation>Keine IOCs auf den angezeigten Hosts gefunden.</translation>
    </message>
    <message>
        <source>Listing IOCs…</source>
        <translation>IOCs werden aufgelistet…</translation>
    </message>
    <message>
        <source>No IOCs on the selected hosts.</source>
        <translation>Keine IOCs auf den ausgewählten Hosts.</translation>
    </message>
    <message>
        <source>No IOC on the selected hosts matches the filter “%1”.</source>
        <translation>Kein IOC auf den ausgewählten Hosts passt zum Filter „%1“.</translation>
    </message>
    <message>
        <source>No IOC matches the filter “%1”.</source>
        <translation>Kein IOC passt zum Filter „%1“.</translation>
    </message>
</context>
<context>
    <name>IocFormat</name>
    <message>
        <source>Less than a second</source>
        <translation>&lt; 1 Sek.</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sek.</translation>
    </message>
    <message>
        <source>About a minute</source>
        <translation>ca. 1 Min.</translation>
    </message>
    <message>
        <source>About an hour</source>
        <translation>ca. 1 Std.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Maskiert</translation>
    </message>
    <message>
        <source>Unit file error</source>
        <translation>Fehler in der Unit-Datei</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>%1 (IOC shut down)</source>
        <translation>%1 (IOC heruntergefahren)</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stoppt</translation>
    </message>
    <message>
        <source>Restarting (%1)</source>
        <translation>Startet neu (%1)</translation>
    </message>
    <message>
        <source>Exited %1 ago</source>
        <translation>Beendet vor %1</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>Template: missing &apos;}}&apos; after &apos;%1&apos;</source>
        <translation>Vorlage: &apos;}}&apos; fehlt nach &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Template: unknown field &apos;%1&apos;. Known fields: %2</source>
        <translation>Vorlage: unbekanntes Feld &apos;%1&apos;. Bekannte Felder: %2</translation>
    </message>
    <message>
        <source>Template: cannot evaluate &apos;{{%1}}&apos;; use {{.Field}} or {{json .}}</source>
        <translation>Vorlage: &apos;{{%1}}&apos; kann nicht ausgewertet werden; {{.Field}} oder {{json .}} verwenden</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sek.</numerusform>
            <numerusform>%n Sek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tg.</numerusform>
            <numerusform>%n Tg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks</source>
        <translation>
            <numerusform>%n Wo.</numerusform>
            <numerusform>%n Wo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n Mon.</numerusform>
            <numerusform>%n Mon.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n J.</numerusform>
            <numerusform>%n J.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (IOC shut down, unit file error)</source>
        <translation>%1 (IOC heruntergefahren, Fehler in der Unit-Datei)</translation>
    </message>
    <message>
        <source>%1 (unit file error)</source>
        <translation>%1 (Fehler in der Unit-Datei)</translation>
    </message>
    <message>
        <source>Restarting (%1, last: %2)</source>
        <translation>Neustart (%1, zuletzt: %2)</translation>
    </message>
    <message>
        <source>Restarting (crashed %1× in %2 min)</source>
        <translation>Neustart (%1× abgestürzt in %2 min)</translation>
    </message>
    <message>
        <source>Restarting (crashed %1× in %2 min, last: %3)</source>
        <translation>Neustart (%1× abgestürzt in %2 min, zuletzt: %3)</translation>
    </message>
    <message>
        <source>Starting (unit file error)</source>
        <translation>Startet (Fehler in der Unit-Datei)</translation>
    </message>
    <message>
        <source>%1 (healthy)</source>
        <translation>%1 (gesund)</translation>
    </message>
    <message>
        <source>%1 (unhealthy)</source>
        <translation>%1 (ungesund)</translation>
    </message>
    <message>
        <source>%1 (health: starting)</source>
        <translation>%1 (Gesundheit: startet)</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (pausiert)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Wird entfernt</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Exited (%1)</source>
        <translation>Beendet (%1)</translation>
    </message>
    <message>
        <source>Restarting (%1) %2 ago</source>
        <translation>Startet neu (%1) seit %2</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation>Beendet (%1) vor %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Template: cannot evaluate &apos;{{%1}}&apos;; use {{.field}}, {{.field.field}}, {{json .}} or {{json .field}}</source>
        <translation>Vorlage: &apos;{{%1}}&apos; kann nicht ausgewertet werden; verwenden Sie {{.field}}, {{.field.field}}, {{json .}} oder {{json .field}}</translation>
    </message>
    <message>
        <source>Unknown (host lost)</source>
        <translation>Unbekannt (Host verloren)</translation>
    </message>
</context>
<context>
    <name>IocPlanRunner</name>
    <message>
        <source>Not connected to the systemd manager.</source>
        <translation>Nicht mit dem systemd-Manager verbunden.</translation>
    </message>
    <message>
        <source>The systemd manager went away.</source>
        <translation>Der systemd-Manager ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>ran %1</source>
        <translation>%1 ausgeführt</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 appeared meanwhile; nothing more was changed.</source>
        <translation>%1 ist inzwischen aufgetaucht; es wurde nichts weiter geändert.</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>%1 kann nicht nach %2 verschoben werden.</translation>
    </message>
    <message>
        <source>moved %1 to %2</source>
        <translation>%1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>made folder %1</source>
        <translation>Ordner %1 angelegt</translation>
    </message>
    <message>
        <source>%1 appeared meanwhile; nothing was written.</source>
        <translation>%1 ist inzwischen aufgetaucht; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Writing the files on %1 timed out; what was written is unknown.</source>
        <translation>Das Schreiben der Dateien auf %1 hat die Zeit überschritten; was geschrieben wurde, ist unbekannt.</translation>
    </message>
    <message>
        <source>%1 did not start.</source>
        <translation>%1 ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Writing the files on %1 failed (exit status %2).</source>
        <translation>Das Schreiben der Dateien auf %1 ist fehlgeschlagen (Exit-Status %2).</translation>
    </message>
    <message>
        <source>removed folder %1</source>
        <translation>Ordner %1 entfernt</translation>
    </message>
</context>
<context>
    <name>IocPlanner</name>
    <message>
        <source>IOCs can be created, removed and renamed on this machine&apos;s managers and on SSH hosts only.</source>
        <translation>IOCs können nur auf den Managern dieses Rechners und auf SSH-Hosts angelegt, entfernt und umbenannt werden.</translation>
    </message>
    <message>
        <source>The host is gone.</source>
        <translation>Der Host ist nicht mehr da.</translation>
    </message>
    <message>
        <source>Looking at %1…</source>
        <translation>Sehe auf %1 nach…</translation>
    </message>
</context>
<context>
    <name>IocResolver</name>
    <message>
        <source>No IOC name given.</source>
        <translation>Kein IOC-Name angegeben.</translation>
    </message>
    <message>
        <source>No IOC matches &quot;%1&quot;.</source>
        <translation>Kein IOC passt zu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No such IOC: &quot;%1&quot;.</source>
        <translation>Kein solcher IOC: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Did you mean: %1?</source>
        <translation>Meinten Sie: %1?</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; matches %n IOCs: %2. Name one (a unit name is unique).</source>
        <translation>
            <numerusform>&quot;%1&quot; passt zu %n IOC: %2. Einen davon nennen (ein Unit-Name ist eindeutig).</numerusform>
            <numerusform>&quot;%1&quot; passt zu %n IOCs: %2. Einen davon nennen (ein Unit-Name ist eindeutig).</numerusform>
        </translation>
    </message>
    <message>
        <source>This command takes one IOC, but the names given match %1.</source>
        <translation>Dieser Befehl nimmt einen IOC, aber die angegebenen Namen passen zu %1.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; matches %n IOCs: %2. Name one as HOST/NAME or HOST/UNIT.</source>
        <translation>
            <numerusform>&quot;%1&quot; passt zu %n IOC: %2. Einen davon als HOST/NAME oder HOST/UNIT nennen.</numerusform>
            <numerusform>&quot;%1&quot; passt zu %n IOCs: %2. Einen davon als HOST/NAME oder HOST/UNIT nennen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IocTableModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>systemd: %1 (%2)</source>
        <translation>systemd: %1 (%2)</translation>
    </message>
    <message>
        <source>Last result: %1</source>
        <translation>Letztes Ergebnis: %1</translation>
    </message>
    <message>
        <source>IOC process: running</source>
        <translation>IOC-Prozess: läuft</translation>
    </message>
    <message>
        <source>IOC process: shut down</source>
        <translation>IOC-Prozess: heruntergefahren</translation>
    </message>
    <message>
        <source>IOC process: unknown</source>
        <translation>IOC-Prozess: unbekannt</translation>
    </message>
    <message>
        <source>procServ auto-restart: %1</source>
        <translation>procServ-Autoneustart: %1</translation>
    </message>
    <message>
        <source>Active since %1</source>
        <translation>Aktiv seit %1</translation>
    </message>
    <message>
        <source>Inactive since %1</source>
        <translation>Inaktiv seit %1</translation>
    </message>
    <message>
        <source>IOC process PID: %1</source>
        <translation>PID des IOC-Prozesses: %1</translation>
    </message>
    <message>
        <source>procServ PID: %1</source>
        <translation>PID von procServ: %1</translation>
    </message>
    <message>
        <source>Console: %1
Read-only log port: %2</source>
        <translation>Konsole: %1
Nur-Lese-Protokollport: %2</translation>
    </message>
    <message>
        <source>CPU time: %1 s</source>
        <translation>CPU-Zeit: %1 s</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Konvention</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>systemd state and the state of the IOC process behind procServ</source>
        <translation>Zustand in systemd und Zustand des IOC-Prozesses hinter procServ</translation>
    </message>
    <message>
        <source>PID of the IOC process (procServ&apos;s PID in the tooltip)</source>
        <translation>PID des IOC-Prozesses (die PID von procServ im Tooltip)</translation>
    </message>
    <message>
        <source>Whether the unit starts at boot (unit file state)</source>
        <translation>Ob die Unit beim Systemstart startet (Unit-Datei-Zustand)</translation>
    </message>
    <message>
        <source>Memory of the unit&apos;s processes (MemoryCurrent); empty where systemd does not account memory</source>
        <translation>Speicher der Prozesse der Unit (MemoryCurrent); leer, wo systemd keinen Speicher erfasst</translation>
    </message>
    <message>
        <source>CPU use since the previous refresh; empty where systemd does not account CPU time</source>
        <translation>CPU-Last seit der letzten Aktualisierung; leer, wo systemd keine CPU-Zeit erfasst</translation>
    </message>
    <message>
        <source>IOC process started: %1</source>
        <translation>IOC-Prozess gestartet: %1</translation>
    </message>
    <message>
        <source>IOC has not finished iocInit yet</source>
        <translation>Der IOC hat iocInit noch nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Last exit: %1 at %2</source>
        <translation>Letztes Ende: %1 um %2</translation>
    </message>
    <message>
        <source>Last exit: %1</source>
        <translation>Letztes Ende: %1</translation>
    </message>
    <message>
        <source>IOC restarts inside procServ: %1</source>
        <translation>IOC-Neustarts innerhalb von procServ: %1</translation>
    </message>
    <message>
        <source>IOC process started %1; unit active since %2</source>
        <translation>IOC-Prozess gestartet %1; Unit aktiv seit %2</translation>
    </message>
    <message>
        <source>Restarts of the unit by systemd plus restarts of the IOC process inside procServ since the unit started; ? when they cannot be known</source>
        <translation>Neustarts der Unit durch systemd plus Neustarts des IOC-Prozesses innerhalb von procServ seit dem Start der Unit; ? wenn sie nicht bekannt sein können</translation>
    </message>
    <message>
        <source>Container %1 (%2)
Image: %3</source>
        <translation>Container %1 (%2)
Image: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>unknown (engine not reachable)</source>
        <translation>unbekannt (Engine nicht erreichbar)</translation>
    </message>
    <message>
        <source>Last exit code: %1</source>
        <translation>Letzter Exit-Code: %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Gesundheit: %1</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>What runs the IOC: systemd (a unit running procServ), podman or docker (a container)</source>
        <translation>Was den IOC ausführt: systemd (eine Unit, die procServ ausführt), podman oder docker (ein Container)</translation>
    </message>
    <message>
        <source>The container&apos;s image (empty for a unit)</source>
        <translation>Das Image des Containers (leer bei einer Unit)</translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: keine</translation>
    </message>
    <message>
        <source>Container&apos;s main process PID: %1</source>
        <translation>PID des Hauptprozesses des Containers: %1</translation>
    </message>
</context>
<context>
    <name>IocTabs</name>
    <message>
        <source>%1 has no procServ console endpoint.</source>
        <translation>%1 hat keinen procServ-Konsolenanschluss.</translation>
    </message>
    <message>
        <source>The host of %1 is not known.</source>
        <translation>Der Host von %1 ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>%1
%2 on %3</source>
        <translation>%1
%2 auf %3</translation>
    </message>
    <message>
        <source>Run: %1</source>
        <translation>Ausführen: %1</translation>
    </message>
    <message numerus="yes">
        <source>“%1” on %n IOC(s)</source>
        <translation>
            <numerusform>„%1“ auf %n IOC</numerusform>
            <numerusform>„%1“ auf %n IOCs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IocWriter</name>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>make folder %1</source>
        <translation>Ordner %1 anlegen</translation>
    </message>
    <message>
        <source>replace %1:</source>
        <translation>%1 ersetzen:</translation>
    </message>
    <message>
        <source>write %1:</source>
        <translation>%1 schreiben:</translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>%1 behalten</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IOC name: use up to 64 letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>&apos;%1&apos; ist kein gültiger IOC-Name: Verwenden Sie bis zu 64 Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;, beginnend mit einem Buchstaben, einer Ziffer oder &apos;_&apos;.</translation>
    </message>
    <message>
        <source>An IOC named &apos;%1&apos; already exists (%2, unit %3).</source>
        <translation>Ein IOC namens &apos;%1&apos; existiert bereits (%2, Unit %3).</translation>
    </message>
    <message>
        <source>The unit %1 already exists.</source>
        <translation>Die Unit %1 existiert bereits.</translation>
    </message>
    <message>
        <source>The unit %1 already exists (%2).</source>
        <translation>Die Unit %1 existiert bereits (%2).</translation>
    </message>
    <message>
        <source>The command %1 does not exist.</source>
        <translation>Der Befehl %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The command %1 was not found on PATH.</source>
        <translation>Der Befehl %1 wurde im PATH nicht gefunden.</translation>
    </message>
    <message>
        <source>The command %1 is not an executable file.</source>
        <translation>Der Befehl %1 ist keine ausführbare Datei.</translation>
    </message>
    <message>
        <source>procServ runs only programs that everyone may execute: %1 needs &apos;chmod a+x&apos;.</source>
        <translation>procServ führt nur Programme aus, die jeder ausführen darf: %1 benötigt &apos;chmod a+x&apos;.</translation>
    </message>
    <message>
        <source>Cannot write %1: no write permission in %2.</source>
        <translation>%1 kann nicht geschrieben werden: keine Schreibberechtigung in %2.</translation>
    </message>
    <message>
        <source>Creating IOCs in the %1 layout is not supported yet; use one of: %2.</source>
        <translation>Das Anlegen von IOCs im Layout %1 wird noch nicht unterstützt; verwenden Sie eines von: %2.</translation>
    </message>
    <message>
        <source>Unknown convention &apos;%1&apos;; use one of: %2.</source>
        <translation>Unbekannte Konvention &apos;%1&apos;; verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <source>The working directory %1 does not exist.</source>
        <translation>Das Arbeitsverzeichnis %1 existiert nicht.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not KEY=VALUE with KEY a variable name.</source>
        <translation>&apos;%1&apos; hat nicht die Form KEY=VALUE mit einem Variablennamen als KEY.</translation>
    </message>
    <message>
        <source>Line breaks cannot be written into a config file: &apos;%1&apos;.</source>
        <translation>Zeilenumbrüche können nicht in eine Konfigurationsdatei geschrieben werden: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The user account &apos;%1&apos; does not exist.</source>
        <translation>Das Benutzerkonto &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: a socket path must be absolute.</source>
        <translation>Ungültiger Port &apos;%1&apos;: Ein Socket-Pfad muss absolut sein.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: a socket path has at most %2 bytes.</source>
        <translation>Ungültiger Port &apos;%1&apos;: Ein Socket-Pfad hat höchstens %2 Bytes.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: %2 exists already.</source>
        <translation>Ungültiger Port &apos;%1&apos;: %2 existiert bereits.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: the folder %2 does not exist (procServ makes the socket, not its folder).</source>
        <translation>Ungültiger Port &apos;%1&apos;: Der Ordner %2 existiert nicht (procServ legt den Socket an, nicht dessen Ordner).</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: the IOC %2 uses that socket.</source>
        <translation>Ungültiger Port &apos;%1&apos;: Der IOC %2 verwendet diesen Socket.</translation>
    </message>
    <message>
        <source>No free localhost TCP port was found.</source>
        <translation>Es wurde kein freier localhost-TCP-Port gefunden.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: give tcp:PORT with PORT from 1 to 65535.</source>
        <translation>Ungültiger Port &apos;%1&apos;: Geben Sie tcp:PORT mit PORT von 1 bis 65535 an.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: another IOC on this host uses port %2.</source>
        <translation>Ungültiger Port &apos;%1&apos;: Ein anderer IOC auf diesem Host verwendet Port %2.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: localhost port %2 is in use.</source>
        <translation>Ungültiger Port &apos;%1&apos;: localhost-Port %2 ist belegt.</translation>
    </message>
    <message>
        <source>Bad port &apos;%1&apos;: use unix, unix:PATH, tcp:PORT or auto.</source>
        <translation>Ungültiger Port &apos;%1&apos;: Verwenden Sie unix, unix:PATH, tcp:PORT oder auto.</translation>
    </message>
    <message>
        <source>%1 exists already; nothing was written.</source>
        <translation>%1 existiert bereits; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>procServUtils already has an instance [%1] in %2.</source>
        <translation>procServUtils hat bereits eine Instanz [%1] in %2.</translation>
    </message>
    <message>
        <source>procServ was not found on PATH (Debian package procserv).</source>
        <translation>procServ wurde im PATH nicht gefunden (Debian-Paket procserv).</translation>
    </message>
    <message>
        <source>No NSLS-II IOC folder is known (set $MANAGE_IOCS_SEARCH_PATH).</source>
        <translation>Kein NSLS-II-IOC-Ordner ist bekannt (setzen Sie $MANAGE_IOCS_SEARCH_PATH).</translation>
    </message>
    <message>
        <source>%1 exists already: an NSLS-II IOC of that name is configured there.</source>
        <translation>%1 existiert bereits: Dort ist ein NSLS-II-IOC dieses Namens konfiguriert.</translation>
    </message>
    <message>
        <source>procServ&apos;s log folder %1 does not exist (manage-iocs does not make it): the IOC runs without its log file until it is made.</source>
        <translation>Der Log-Ordner %1 von procServ existiert nicht (manage-iocs legt ihn nicht an): Der IOC läuft ohne seine Log-Datei, bis der Ordner angelegt ist.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid epics-ioc-runner name: letters, digits, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>&apos;%1&apos; ist kein gültiger epics-ioc-runner-Name: nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>epics-ioc-runner starts one program without arguments (IOC_CMD, usually st.cmd): put the arguments in a start script.</source>
        <translation>epics-ioc-runner startet ein Programm ohne Argumente (IOC_CMD, meist st.cmd): Schreiben Sie die Argumente in ein Startskript.</translation>
    </message>
    <message>
        <source>epics-ioc-runner&apos;s template %1 is not installed (its setup-system-infra.bash installs it).</source>
        <translation>Die Vorlage %1 von epics-ioc-runner ist nicht installiert (dessen setup-system-infra.bash installiert sie).</translation>
    </message>
    <message>
        <source>The template %1 stays when the IOC is removed: every epics-ioc-runner IOC of this manager uses it.</source>
        <translation>Die Vorlage %1 bleibt erhalten, wenn der IOC entfernt wird: Jeder epics-ioc-runner-IOC dieses Managers verwendet sie.</translation>
    </message>
    <message>
        <source>%1 is an instance of a template: systemd knows it (and iocctl ps lists it) once it is enabled or started.</source>
        <translation>%1 ist eine Instanz einer Vorlage: systemd kennt sie (und iocctl ps listet sie auf), sobald sie aktiviert oder gestartet ist.</translation>
    </message>
    <message>
        <source>%1 is not INI: procServUtils, whose IOCs read that folder too (%2), fails on such a file.</source>
        <translation>%1 ist kein INI: procServUtils, dessen IOCs diesen Ordner ebenfalls lesen (%2), scheitert an einer solchen Datei.</translation>
    </message>
    <message>
        <source>%1 is a container; remove it with its engine.</source>
        <translation>%1 ist ein Container; entfernen Sie ihn mit seiner Engine.</translation>
    </message>
    <message>
        <source>No procServUtils config for %1 was found.</source>
        <translation>Für %1 wurde keine procServUtils-Konfiguration gefunden.</translation>
    </message>
    <message>
        <source>%1 holds other sections besides [%2]; remove that section by hand.</source>
        <translation>%1 enthält neben [%2] weitere Abschnitte; entfernen Sie diesen Abschnitt von Hand.</translation>
    </message>
    <message>
        <source>%1 does not exist; epics-ioc-runner keeps its IOCs&apos; config there.</source>
        <translation>%1 existiert nicht; epics-ioc-runner speichert dort die Konfiguration seiner IOCs.</translation>
    </message>
    <message>
        <source>%1 is not a unit file in %2; manage-iocs installs its units there.</source>
        <translation>%1 ist keine Unit-Datei in %2; manage-iocs installiert seine Units dort.</translation>
    </message>
    <message>
        <source>Removing IOCs of the %1 layout is not supported yet.</source>
        <translation>Das Entfernen von IOCs des Layouts %1 wird noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>%1 cannot rename its IOCs; only NSLS-II manage-iocs has a rename. Create the IOC under the new name and remove the old one.</source>
        <translation>%1 kann seine IOCs nicht umbenennen; nur NSLS-II manage-iocs kann umbenennen. Legen Sie den IOC unter dem neuen Namen an und entfernen Sie den alten.</translation>
    </message>
    <message>
        <source>%1 is not an installed manage-iocs IOC (no config, or no unit file %2).</source>
        <translation>%1 ist kein installierter manage-iocs-IOC (keine Konfiguration oder keine Unit-Datei %2).</translation>
    </message>
    <message>
        <source>%1 is not in a folder named after the IOC.</source>
        <translation>%1 liegt nicht in einem nach dem IOC benannten Ordner.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>remove folder %1 if empty</source>
        <translation>Ordner %1 entfernen, falls leer</translation>
    </message>
    <message>
        <source>No command: give the IOC&apos;s program.</source>
        <translation>Kein Befehl: Geben Sie das Programm des IOC an.</translation>
    </message>
    <message>
        <source>Cannot write %1: no write permission in %2 (the system manager&apos;s files need root; your own user manager&apos;s IOCs do not).</source>
        <translation>%1 kann nicht geschrieben werden: keine Schreibberechtigung in %2 (die Dateien des System-Managers erfordern root; die IOCs Ihres eigenen User-Managers nicht).</translation>
    </message>
    <message>
        <source>A run-as account is for the system manager: a user manager runs IOCs as its own user.</source>
        <translation>Ein Ausführungskonto ist für den System-Manager gedacht: Ein User-Manager führt IOCs als sein eigener Benutzer aus.</translation>
    </message>
    <message>
        <source>ESS e3 consoles are always the template&apos;s socket %1: no other console can be given.</source>
        <translation>Konsolen von ESS e3 sind immer der Socket %1 der Vorlage: Es kann keine andere Konsole angegeben werden.</translation>
    </message>
    <message>
        <source>FRIB consoles are the socket %1, with a TCP port beside it when asked: give unix, tcp:PORT or auto.</source>
        <translation>FRIB-Konsolen sind der Socket %1, auf Wunsch mit einem TCP-Port daneben: Geben Sie unix, tcp:PORT oder auto an.</translation>
    </message>
    <message>
        <source>NSLS-II manage-iocs consoles are TCP ports: give tcp:PORT or auto.</source>
        <translation>Konsolen von NSLS-II manage-iocs sind TCP-Ports: Geben Sie tcp:PORT oder auto an.</translation>
    </message>
    <message>
        <source>procServ-launcher was not found on PATH: procServUtils (Debian package procserv-systemd) is not installed, so a procServUtils IOC could not start. Choose the generic convention or install it.</source>
        <translation>procServ-launcher wurde im PATH nicht gefunden: procServUtils (Debian-Paket procserv-systemd) ist nicht installiert, daher könnte ein procServUtils-IOC nicht starten. Wählen Sie die generische Konvention oder installieren Sie es.</translation>
    </message>
    <message>
        <source>The unit is WantedBy=multi-user.target as procServUtils writes it; a user manager has no such target, so enabling it does not start it at login.</source>
        <translation>Die Unit ist WantedBy=multi-user.target, wie procServUtils sie schreibt; ein User-Manager hat kein solches Target, daher startet Aktivieren sie nicht bei der Anmeldung.</translation>
    </message>
    <message>
        <source>manage-iocs refuses to run an IOC as root: name another account to run it as.</source>
        <translation>manage-iocs weigert sich, einen IOC als root auszuführen: Nennen Sie ein anderes Konto, unter dem er laufen soll.</translation>
    </message>
    <message>
        <source>The user account &apos;%1&apos; does not exist (manage-iocs runs IOCs as iocuser unless another account is named).</source>
        <translation>Das Benutzerkonto &apos;%1&apos; existiert nicht (manage-iocs führt IOCs als iocuser aus, sofern kein anderes Konto genannt wird).</translation>
    </message>
    <message>
        <source>epics-ioc-runner consoles are always its own socket: no other console can be given.</source>
        <translation>Konsolen von epics-ioc-runner sind immer dessen eigener Socket: Es kann keine andere Konsole angegeben werden.</translation>
    </message>
    <message>
        <source>epics-ioc-runner&apos;s template has no per-IOC environment variables.</source>
        <translation>Die Vorlage von epics-ioc-runner hat keine IOC-spezifischen Umgebungsvariablen.</translation>
    </message>
    <message>
        <source>epics-ioc-runner runs every IOC as its service account: no other account can be given.</source>
        <translation>epics-ioc-runner führt jeden IOC unter seinem Dienstkonto aus: Es kann kein anderes Konto angegeben werden.</translation>
    </message>
    <message>
        <source>%1 is an instance of a template: systemd knows it (and it is listed) once it is enabled or started.</source>
        <translation>%1 ist eine Instanz einer Vorlage: systemd kennt sie (und sie wird aufgelistet), sobald sie aktiviert oder gestartet ist.</translation>
    </message>
    <message>
        <source>No FRIB config folder is known (set $IOCDOCK_IOC_PATH).</source>
        <translation>Kein FRIB-Konfigurationsordner ist bekannt (setzen Sie $IOCDOCK_IOC_PATH).</translation>
    </message>
    <message>
        <source>%1 exists already: an IOC of that name is configured there.</source>
        <translation>%1 existiert bereits: Dort ist ein IOC dieses Namens konfiguriert.</translation>
    </message>
    <message>
        <source>The user account &apos;%1&apos; does not exist (FRIB&apos;s Puppet module makes one for each IOC): make it, or give the account to run it as.</source>
        <translation>Das Benutzerkonto &apos;%1&apos; existiert nicht (das Puppet-Modul von FRIB legt eines für jeden IOC an): Legen Sie es an oder geben Sie das Konto an, unter dem er laufen soll.</translation>
    </message>
    <message>
        <source>procServ also listens on localhost TCP port %1.</source>
        <translation>procServ lauscht auch auf dem localhost-TCP-Port %1.</translation>
    </message>
    <message>
        <source>ESS e3&apos;s template %1 is not installed (the site&apos;s IOC deployment installs it).</source>
        <translation>Die Vorlage %1 von ESS e3 ist nicht installiert (die IOC-Bereitstellung des Standorts installiert sie).</translation>
    </message>
    <message>
        <source>The template %1 stays when the IOC is removed: every ESS e3 IOC of this manager uses it.</source>
        <translation>Die Vorlage %1 bleibt erhalten, wenn der IOC entfernt wird: Jeder ESS-e3-IOC dieses Managers verwendet sie.</translation>
    </message>
    <message>
        <source>iocsh.bash is not on PATH: the template&apos;s own command (for e3 IOCs made without iocdock) needs e3&apos;s iocsh.bash.</source>
        <translation>iocsh.bash ist nicht im PATH: Der eigene Befehl der Vorlage (für ohne iocdock angelegte e3-IOCs) braucht iocsh.bash von e3.</translation>
    </message>
    <message>
        <source>%1 is running; it is removed only once stopped.</source>
        <translation>%1 läuft; er wird erst entfernt, wenn er gestoppt ist.</translation>
    </message>
    <message>
        <source>%1 is not a unit file in %2; only the plain units written there are removed.</source>
        <translation>%1 ist keine Unit-Datei in %2; nur die dort geschriebenen einfachen Units werden entfernt.</translation>
    </message>
    <message>
        <source>%1 is not a unit file in %2; FRIB&apos;s Puppet module installs its units there.</source>
        <translation>%1 ist keine Unit-Datei in %2; das Puppet-Modul von FRIB installiert seine Units dort.</translation>
    </message>
</context>
<context>
    <name>Iocctl</name>
    <message>
        <source>Manage EPICS IOCs that run under procServ and systemd, docker-style.</source>
        <translation>EPICS-IOCs verwalten, die unter procServ und systemd laufen, im Stil von Docker.</translation>
    </message>
    <message>
        <source>  --bus ADDRESS            a systemd manager on this D-Bus address</source>
        <translation>  --bus ADRESSE            ein systemd-Manager an dieser D-Bus-Adresse</translation>
    </message>
    <message>
        <source>  -h, --help               show this help; &apos;iocctl COMMAND --help&apos; for a command</source>
        <translation>  -h, --help               diese Hilfe zeigen; &apos;iocctl BEFEHL --help&apos; für einen Befehl</translation>
    </message>
    <message>
        <source>  -V, --version            show the version</source>
        <translation>  -V, --version            die Version zeigen</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 an action failed, 2 usage error or bad input, 3 IOC not found, 4 connection or permission problem, 5 timeout.</source>
        <translation>Exit-Codes: 0 Erfolg, 1 eine Aktion ist fehlgeschlagen, 2 Aufruffehler oder ungültige Eingabe, 3 IOC nicht gefunden, 4 Verbindungs- oder Berechtigungsproblem, 5 Zeitüberschreitung.</translation>
    </message>
    <message>
        <source>Run &apos;iocctl --help&apos; for usage.</source>
        <translation>Aufruf siehe &apos;iocctl --help&apos;.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>Unbekannte Option &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Did you mean: %1?</source>
        <translation>Meinten Sie: %1?</translation>
    </message>
    <message>
        <source>  -H, --host [USER@]HOST[:PORT]  a remote system manager over SSH (HOST/user: the remote user manager); repeatable</source>
        <translation>  -H, --host [BENUTZER@]HOST[:PORT]  ein entfernter System-Manager über SSH (HOST/user: der entfernte Benutzer-Manager); mehrfach möglich</translation>
    </message>
    <message>
        <source>  --hosts FILE             the hosts named in FILE (one per line, # comments)</source>
        <translation>  --hosts DATEI            die in DATEI genannten Hosts (einer pro Zeile, # Kommentare)</translation>
    </message>
    <message>
        <source>Usage: iocctl [HOST OPTIONS] COMMAND [OPTIONS] [HOST OPTIONS]</source>
        <translation>Aufruf: iocctl [HOST-OPTIONEN] BEFEHL [OPTIONEN] [HOST-OPTIONEN]</translation>
    </message>
    <message>
        <source>Host options, before or after the command (default: the system manager, or $IOCCTL_HOST):</source>
        <translation>Host-Optionen, vor oder nach dem Befehl (Standard: der System-Manager oder $IOCCTL_HOST):</translation>
    </message>
    <message>
        <source>  --system                 the local system manager; with -H, the remote system manager</source>
        <translation>  --system                 der lokale System-Manager; mit -H der entfernte System-Manager</translation>
    </message>
    <message>
        <source>  --user                   the local user manager (your own IOCs); with -H, the remote user manager (as HOST/user)</source>
        <translation>  --user                   der lokale Benutzer-Manager (Ihre eigenen IOCs); mit -H der entfernte Benutzer-Manager (wie HOST/user)</translation>
    </message>
    <message>
        <source>  --connect-timeout SECS   give up connecting/listing after SECS (default %1)</source>
        <translation>  --connect-timeout SEK    Verbinden/Auflisten nach SEK aufgeben (Standard %1)</translation>
    </message>
    <message>
        <source>Output options, before or after the command:</source>
        <translation>Ausgabeoptionen, vor oder nach dem Befehl:</translation>
    </message>
    <message>
        <source>  --color WHEN             colour states: auto (on a terminal, unless NO_COLOR is set; the default), always, never</source>
        <translation>  --color WHEN             Zustände einfärben: auto (auf einem Terminal, außer NO_COLOR ist gesetzt; Standard), always, never</translation>
    </message>
    <message>
        <source>  --no-pager               do not pipe long output (ps, inspect, logs) into $IOCCTL_PAGER, $PAGER or &apos;less -FRSX&apos; on a terminal</source>
        <translation>  --no-pager               lange Ausgaben (ps, inspect, logs) auf einem Terminal nicht über $IOCCTL_PAGER, $PAGER oder &apos;less -FRSX&apos; ausgeben</translation>
    </message>
    <message>
        <source>--color wants auto, always or never, not &quot;%1&quot;.</source>
        <translation>--color erwartet auto, always oder never, nicht &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>JournalReplay</name>
    <message>
        <source>the host is gone</source>
        <translation>der Host ist weg</translation>
    </message>
    <message>
        <source>%1 could not be run (%2).</source>
        <translation>%1 konnte nicht ausgeführt werden (%2).</translation>
    </message>
    <message>
        <source>journalctl failed: %1</source>
        <translation>journalctl fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>KillCommand</name>
    <message>
        <source>Send a signal to the IOC process under procServ (not to procServ).</source>
        <translation>Ein Signal an den IOC-Prozess unter procServ senden (nicht an procServ).</translation>
    </message>
    <message>
        <source>[-s SIGNAL] NAME|GLOB...</source>
        <translation>[-s SIGNAL] NAME|GLOB...</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs (quote globs: &apos;motor*&apos;).</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster (Muster in Anführungszeichen: &apos;motor*&apos;).</translation>
    </message>
    <message>
        <source>NAME|GLOB...</source>
        <translation>NAME|GLOB...</translation>
    </message>
    <message>
        <source>The signal: a name (TERM, SIGKILL, hup) or number (default KILL, as procServ&apos;s ^X and docker kill).</source>
        <translation>Das Signal: ein Name (TERM, SIGKILL, hup) oder eine Nummer (Standard KILL, wie ^X von procServ und docker kill).</translation>
    </message>
    <message>
        <source>SIGNAL</source>
        <translation>SIGNAL</translation>
    </message>
    <message>
        <source>The signal goes to the IOC process procServ runs (its child, read afresh from /proc/MAINPID/task/MAINPID/children on the IOC&apos;s host, through ssh for a remote host), never to procServ, so the console stays up. If the signal ends the IOC:
  auto-restart ON       procServ starts it again (at once, or after its --holdoff seconds when it ran for less than that);
  auto-restart OFF      the IOC stays down; procServ and its console stay up (start it again with &apos;iocctl restart NAME&apos;);
  auto-restart ONESHOT  procServ exits with it, and systemd does what the unit&apos;s Restart= says.
procServ starts its child with SIGTERM, SIGHUP and SIGPIPE blocked and SIGINT and SIGQUIT ignored; iocctl reads the child&apos;s signal masks first and sends nothing that would stay pending or vanish (exit 1).
Signalling an IOC of the system manager needs the rights of the user it runs as (usually root: sudo). Container IOCs: use the engine&apos;s own kill.</source>
        <translation>Das Signal geht an den IOC-Prozess, den procServ ausführt (seinen Kindprozess, jedes Mal neu aus /proc/MAINPID/task/MAINPID/children auf dem Host des IOC gelesen, bei einem entfernten Host über ssh), nie an procServ, sodass die Konsole bestehen bleibt. Beendet das Signal den IOC:
  Autoneustart ON       procServ startet ihn erneut (sofort, oder nach seinen --holdoff Sekunden, wenn er kürzer lief);
  Autoneustart OFF      der IOC bleibt unten; procServ und seine Konsole bleiben bestehen (starten Sie ihn erneut mit &apos;iocctl restart NAME&apos;);
  Autoneustart ONESHOT  procServ beendet sich mit ihm, und systemd tut, was Restart= der Unit sagt.
procServ startet seinen Kindprozess mit blockiertem SIGTERM, SIGHUP und SIGPIPE und ignoriertem SIGINT und SIGQUIT; iocctl liest zuerst die Signalmasken des Kindprozesses und sendet nichts, was hängen bliebe oder verpuffen würde (Exit 1).
Einem IOC des System-Managers ein Signal zu senden, erfordert die Rechte des Benutzers, unter dem er läuft (meist root: sudo). Container-IOCs: Verwenden Sie das eigene kill der Engine.</translation>
    </message>
    <message>
        <source>&apos;kill&apos; needs at least one IOC name.</source>
        <translation>&apos;kill&apos; braucht mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>Unknown signal &quot;%1&quot;; one of %2 (or its number).</source>
        <translation>Unbekanntes Signal &quot;%1&quot;; eines von %2 (oder seine Nummer).</translation>
    </message>
    <message>
        <source>hint: only running IOCs can be signalled; &apos;iocctl ps -a&apos; lists the others.</source>
        <translation>Hinweis: Nur laufende IOCs können Signale erhalten; &apos;iocctl ps -a&apos; listet die anderen auf.</translation>
    </message>
    <message>
        <source>auto-restart is ON: if the signal ends it, procServ starts it again</source>
        <translation>Autoneustart ist ON: Beendet ihn das Signal, startet procServ ihn erneut</translation>
    </message>
    <message>
        <source>auto-restart is OFF: if the signal ends it, it stays down while procServ and its console stay up (iocctl restart %1 starts it again)</source>
        <translation>Autoneustart ist OFF: Beendet ihn das Signal, bleibt er unten, während procServ und seine Konsole bestehen bleiben (iocctl restart %1 startet ihn erneut)</translation>
    </message>
    <message>
        <source>auto-restart is ONESHOT: if the signal ends it, procServ exits too and systemd does what the unit&apos;s Restart= says</source>
        <translation>Autoneustart ist ONESHOT: Beendet ihn das Signal, beendet sich auch procServ, und systemd tut, was Restart= der Unit sagt</translation>
    </message>
    <message>
        <source>auto-restart unknown: if the signal ends it, procServ starts it again when auto-restart is ON, else it stays down with the console up</source>
        <translation>Autoneustart unbekannt: Beendet ihn das Signal, startet procServ ihn erneut, wenn der Autoneustart ON ist, sonst bleibt er bei bestehender Konsole unten</translation>
    </message>
    <message>
        <source>%1 runs in a container (%2): signal it with &apos;%2 kill&apos; or &apos;docker kill&apos;.</source>
        <translation>%1 läuft in einem Container (%2): Senden Sie das Signal mit &apos;%2 kill&apos; oder &apos;docker kill&apos;.</translation>
    </message>
    <message>
        <source>%1 is not running (start it with: iocctl start %1)</source>
        <translation>%1 läuft nicht (starten Sie ihn mit: iocctl start %1)</translation>
    </message>
    <message>
        <source>%1: the IOC process is shut down; procServ runs no child to signal.</source>
        <translation>%1: Der IOC-Prozess ist heruntergefahren; procServ führt keinen Kindprozess aus, dem ein Signal gesendet werden könnte.</translation>
    </message>
    <message>
        <source>%1: sent SIG%2 to the IOC process (PID %3, child of procServ PID %4); %5.</source>
        <translation>%1: SIG%2 an den IOC-Prozess gesendet (PID %3, Kindprozess von procServ-PID %4); %5.</translation>
    </message>
    <message>
        <source>%1: the IOC process (PID %2) %3 SIG%4, so it would do nothing; nothing was sent. procServ starts its child with SIGTERM, SIGHUP and SIGPIPE blocked and SIGINT and SIGQUIT ignored: use -s KILL (what procServ&apos;s ^X sends).</source>
        <translation>%1: Der IOC-Prozess (PID %2) %3 SIG%4, das Signal würde also nichts bewirken; es wurde nichts gesendet. procServ startet seinen Kindprozess mit blockiertem SIGTERM, SIGHUP und SIGPIPE und ignoriertem SIGINT und SIGQUIT: Verwenden Sie -s KILL (was ^X von procServ sendet).</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>ignores</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>%1: procServ (PID %2) runs no child now (shut down, or between restarts).</source>
        <translation>%1: procServ (PID %2) führt gerade keinen Kindprozess aus (heruntergefahren oder zwischen Neustarts).</translation>
    </message>
    <message>
        <source>%1: kill -%2 failed: %3</source>
        <translation>%1: kill -%2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>hint: signalling the IOC needs the rights of the user it runs as (for the system manager usually root: sudo).</source>
        <translation>Hinweis: Ein Signal an den IOC erfordert die Rechte des Benutzers, unter dem er läuft (beim System-Manager meist root: sudo).</translation>
    </message>
    <message>
        <source>%1: cannot read the children of procServ (PID %2)%3</source>
        <translation>%1: Die Kindprozesse von procServ (PID %2) können nicht gelesen werden%3</translation>
    </message>
    <message>
        <source>%1: cannot run %2: %3</source>
        <translation>%1: %2 kann nicht ausgeführt werden: %3</translation>
    </message>
</context>
<context>
    <name>LogSession</name>
    <message>
        <source>Could not run %1: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 crashed.</source>
        <translation>%1 ist abgestürzt.</translation>
    </message>
    <message>
        <source>%1 exited with code %2.</source>
        <translation>%1 endete mit Code %2.</translation>
    </message>
    <message>
        <source>%1 finished.</source>
        <translation>%1 ist beendet.</translation>
    </message>
    <message>
        <source>The log file %1 is gone (deleted or moved away); waiting for it to appear again.</source>
        <translation>Die Logdatei %1 ist weg (gelöscht oder verschoben); warte, bis sie wieder erscheint.</translation>
    </message>
    <message>
        <source>The log file %1 appeared again; following it.</source>
        <translation>Die Logdatei %1 ist wieder da; sie wird weiter verfolgt.</translation>
    </message>
    <message>
        <source>The log file %1 was replaced (rotated); following the new file.</source>
        <translation>Die Logdatei %1 wurde ersetzt (rotiert); die neue Datei wird verfolgt.</translation>
    </message>
    <message>
        <source>The log file %1 was truncated; following it from its start.</source>
        <translation>Die Logdatei %1 wurde gekürzt; sie wird ab ihrem Anfang verfolgt.</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Folgen</translation>
    </message>
    <message>
        <source>No log command for this IOC.</source>
        <translation>Kein Protokollbefehl für diesen IOC.</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>Folge %1</translation>
    </message>
    <message>
        <source>The log ended.</source>
        <translation>Das Log endete.</translation>
    </message>
    <message>
        <source>Following the container&apos;s log</source>
        <translation>Das Log des Containers wird verfolgt</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F; Enter: next, Shift+Enter: previous)</source>
        <translation>Im Log suchen (Ctrl+F; Eingabe: nächster, Umschalt+Eingabe: vorheriger Treffer)</translation>
    </message>
    <message>
        <source>Keep the newest lines in view (scrolling up turns it off, to the end on)</source>
        <translation>Die neuesten Zeilen im Blick behalten (Hochscrollen schaltet es aus, Scrollen bis zum Ende ein)</translation>
    </message>
    <message numerus="yes">
        <source>%n crash line(s)</source>
        <translation>
            <numerusform>%n Absturzzeile</numerusform>
            <numerusform>%n Absturzzeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogsCommand</name>
    <message>
        <source>Keep printing new lines (Ctrl+C ends).</source>
        <translation>Neue Zeilen laufend ausgeben (Strg+C beendet).</translation>
    </message>
    <message>
        <source>Show only the last N lines (default: all).</source>
        <translation>Nur die letzten N Zeilen zeigen (Standard: alle).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>-n wants a number of lines, not &quot;%1&quot;.</source>
        <translation>-n erwartet eine Zeilenzahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--since applies to the journal only; %1 logs to %2.</source>
        <translation>--since gilt nur für das Journal; %1 protokolliert nach %2.</translation>
    </message>
    <message>
        <source>No way to read the log of %1.</source>
        <translation>Das Protokoll von %1 lässt sich auf keinem Weg lesen.</translation>
    </message>
    <message>
        <source>%1 ended abnormally.</source>
        <translation>%1 endete abnormal.</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>Show each line&apos;s time (journal: journalctl -o short-iso; containers: the engine&apos;s timestamps).</source>
        <translation>Die Zeit jeder Zeile anzeigen (Journal: journalctl -o short-iso; Container: die Zeitstempel der Engine).</translation>
    </message>
    <message>
        <source>--until applies to the journal only; %1 logs to %2.</source>
        <translation>--until gilt nur für das Journal; %1 schreibt sein Log nach %2.</translation>
    </message>
    <message>
        <source>%1 logs to %2, whose lines have no time unless procServ writes one (--logstamp); shown as written.</source>
        <translation>%1 schreibt sein Log nach %2, dessen Zeilen keine Zeit haben, außer procServ schreibt eine (--logstamp); wie geschrieben angezeigt.</translation>
    </message>
    <message>
        <source>Show IOCs&apos; console logs: procServ&apos;s log file (-L) when it has one, otherwise the unit&apos;s journal; a container&apos;s output through its engine. Several IOCs with -f: their lines merged as they arrive, each prefixed &apos;NAME | &apos; (&apos;HOST/NAME | &apos; with several hosts, coloured on a terminal); without -f: one after the other, each under a &apos;==&gt; NAME &lt;==&apos; header.</source>
        <translation>Konsolen-Logs von IOCs anzeigen: die Log-Datei von procServ (-L), wenn es eine hat, sonst das Journal der Unit; bei einem Container dessen Ausgabe über seine Engine. Mehrere IOCs mit -f: ihre Zeilen beim Eintreffen zusammengeführt, jede mit dem Präfix &apos;NAME | &apos; (&apos;HOST/NAME | &apos; bei mehreren Hosts, auf einem Terminal farbig); ohne -f: einer nach dem anderen, jeder unter einer Kopfzeile &apos;==&gt; NAME &lt;==&apos;.</translation>
    </message>
    <message>
        <source>[-f] [-n N] [-t] [--since TIME|--since-restart] [--until TIME] NAME|GLOB...</source>
        <translation>[-f] [-n N] [-t] [--since TIME|--since-restart] [--until TIME] NAME|GLOB...</translation>
    </message>
    <message>
        <source>Only the current run: from the later of the unit&apos;s start (ActiveEnterTimestamp) and the child&apos;s last restart inside procServ (when known). Journal and containers: --since that time. procServ log file (-L): from its last &apos;@@@ Restarting child&apos; line (the whole file when it has none).</source>
        <translation>Nur der aktuelle Lauf: ab dem späteren Zeitpunkt von Unit-Start (ActiveEnterTimestamp) und letztem Neustart des Kindprozesses innerhalb von procServ (falls bekannt). Journal und Container: --since diesem Zeitpunkt. Log-Datei von procServ (-L): ab ihrer letzten Zeile &apos;@@@ Restarting child&apos; (die ganze Datei, wenn sie keine hat).</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs (&quot;sim*&quot;).</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster (&quot;sim*&quot;).</translation>
    </message>
    <message>
        <source>NAME|GLOB...</source>
        <translation>NAME|GLOB...</translation>
    </message>
    <message>
        <source>&apos;logs&apos; takes at least one IOC name.</source>
        <translation>&apos;logs&apos; braucht mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>--since and --since-restart exclude each other.</source>
        <translation>--since und --since-restart schließen sich gegenseitig aus.</translation>
    </message>
    <message>
        <source>%1 has never run: no current run to show.</source>
        <translation>%1 ist nie gelaufen: kein aktueller Lauf zum Anzeigen.</translation>
    </message>
    <message>
        <source>Cannot read the log of %1 (%2).</source>
        <translation>Das Log von %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>Only entries since TIME (journal and containers): a date and time (&quot;2024-01-31 12:00&quot;), a Unix time, or a duration before now (10m, &quot;10 min ago&quot;), as docker logs and journalctl take them.</source>
        <translation>Nur Einträge seit ZEIT (Journal und Container): ein Datum mit Uhrzeit („2024-01-31 12:00“), eine Unix-Zeit oder eine Dauer vor jetzt (10m, „10 min ago“), wie docker logs und journalctl sie lesen.</translation>
    </message>
    <message>
        <source>Only entries until TIME (journal and containers; as --since, a duration is before now).</source>
        <translation>Nur Einträge bis ZEIT (Journal und Container; wie bei --since ist eine Dauer vor jetzt).</translation>
    </message>
    <message>
        <source>--%1 wants %2; not &quot;%3&quot;.</source>
        <translation>--%1 erwartet %2, nicht „%3“.</translation>
    </message>
    <message>
        <source>--until is before --since.</source>
        <translation>--until liegt vor --since.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>iocdock</source>
        <translation>iocdock</translation>
    </message>
    <message>
        <source>Hosts: select one or more to show only their IOCs</source>
        <translation>Hosts: einen oder mehrere wählen, um nur deren IOCs zu zeigen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>&amp;IOC</source>
        <translation>&amp;IOC</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About iocdock</source>
        <translation>&amp;Über iocdock</translation>
    </message>
    <message>
        <source>About iocdock</source>
        <translation>Über iocdock</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;iocdock %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Docker-like management of EPICS IOCs that run under procServ and systemd.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;iocdock %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Verwaltung von EPICS-IOCs unter procServ und systemd, ähnlich wie Docker.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n IOC(s)</source>
        <translation>
            <numerusform>%n IOC</numerusform>
            <numerusform>%n IOCs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n IOC(s) shown</source>
        <translation>
            <numerusform>%1 von %n IOC gezeigt</numerusform>
            <numerusform>%1 von %n IOCs gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — still listing…</source>
        <translation>%1 — Liste wird noch geladen…</translation>
    </message>
    <message>
        <source>&amp;Add Host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Host</source>
        <translation>Host &amp;entfernen</translation>
    </message>
    <message>
        <source>%1 was given on the command line and stays for this session.</source>
        <translation>%1 wurde auf der Befehlszeile angegeben und bleibt für diese Sitzung.</translation>
    </message>
    <message>
        <source>Re&amp;connect %1</source>
        <translation>%1 &amp;neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Remove %1</source>
        <translation>%1 &amp;entfernen</translation>
    </message>
    <message>
        <source>Connected to %1 again.</source>
        <translation>Wieder mit %1 verbunden.</translation>
    </message>
    <message>
        <source>H&amp;osts</source>
        <translation>H&amp;osts</translation>
    </message>
    <message>
        <source>Message &amp;History…</source>
        <translation>Meldungs&amp;verlauf…</translation>
    </message>
    <message>
        <source>Quit iocdock?</source>
        <translation>iocdock beenden?</translation>
    </message>
    <message numerus="yes">
        <source>%n console(s) are open: %1.</source>
        <translation>
            <numerusform>%n Konsole ist offen: %1.</numerusform>
            <numerusform>%n Konsolen sind offen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting closes them. Nothing is sent to the IOCs; they keep running.</source>
        <translation>Beenden schließt sie. An die IOCs wird nichts gesendet; sie laufen weiter.</translation>
    </message>
    <message>
        <source>&amp;New IOC on %1…</source>
        <translation>&amp;Neuer IOC auf %1…</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Consoles, logs and details</source>
        <translation>Konsolen, Logs und Details</translation>
    </message>
    <message>
        <source>IOCs</source>
        <translation>IOCs</translation>
    </message>
    <message>
        <source>&lt;p&gt;One row per IOC on the selected hosts. The status says what systemd and procServ report: press Shift+F1, then click a status to read what its words mean.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Zeile pro IOC auf den ausgewählten Hosts. Der Status gibt wieder, was systemd und procServ melden: Drücken Sie Umschalt+F1 und klicken Sie dann auf einen Status, um zu lesen, was seine Wörter bedeuten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>IOC actions</source>
        <translation>IOC-Aktionen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Filter Language</source>
        <translation>&amp;Filtersprache</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read memory, CPU and uptimes now and reconnect to unreachable hosts; states update by themselves</source>
        <translation>Speicher, CPU und Laufzeiten jetzt lesen und unerreichbare Hosts neu verbinden; Zustände aktualisieren sich von selbst</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filter…</translation>
    </message>
    <message>
        <source>&amp;Hosts Pane</source>
        <translation>&amp;Host-Bereich</translation>
    </message>
    <message>
        <source>Console &amp;Layout</source>
        <translation>Konsolen-&amp;Layout</translation>
    </message>
    <message>
        <source>Consoles &amp;Below the Table</source>
        <translation>Konsolen &amp;unter der Tabelle</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>What changed in the fleet and when: starts, stops, failures, restarts, crash loops, hosts lost and back</source>
        <translation>Was sich in der Flotte wann geändert hat: Starts, Stopps, Fehlschläge, Neustarts, Absturzschleifen, verlorene und zurückgekehrte Hosts</translation>
    </message>
    <message numerus="yes">
        <source>Not reopened: %n IOC(s) no longer listed: %1.</source>
        <translation>
            <numerusform>Nicht wieder geöffnet: %n IOC nicht mehr aufgeführt: %1.</numerusform>
            <numerusform>Nicht wieder geöffnet: %n IOCs nicht mehr aufgeführt: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settin&amp;gs…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <source>Consoles Bes&amp;ide the Table</source>
        <translation>Konsolen n&amp;eben der Tabelle</translation>
    </message>
</context>
<context>
    <name>MessageArea</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message numerus="yes">
        <source>Show the %n message(s) of this session: actions and their outcomes</source>
        <translation>
            <numerusform>Die %n Meldung dieser Sitzung anzeigen: Aktionen und ihre Ergebnisse</numerusform>
            <numerusform>Die %n Meldungen dieser Sitzung anzeigen: Aktionen und ihre Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>MessageHistoryDialog</name>
    <message>
        <source>Message History</source>
        <translation>Meldungsverlauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>IOC / host</source>
        <translation>IOC / Host</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>NewIocDialog</name>
    <message>
        <source>New IOC</source>
        <translation>Neuer IOC</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>The IOC&apos;s name; its unit and files are named after it.</source>
        <translation>Der Name des IOC; seine Unit und Dateien werden nach ihm benannt.</translation>
    </message>
    <message>
        <source>e.g. ioc-vac-01</source>
        <translation>z. B. ioc-vac-01</translation>
    </message>
    <message>
        <source>Con&amp;vention:</source>
        <translation>&amp;Konvention:</translation>
    </message>
    <message>
        <source>The layout written, as that site&apos;s own tool writes it. The default is the one most IOCs on the host use.</source>
        <translation>Das geschriebene Layout, so wie es das Werkzeug dieses Standorts schreibt. Standard ist das Layout, das die meisten IOCs auf dem Host verwenden.</translation>
    </message>
    <message>
        <source>C&amp;onsole:</source>
        <translation>K&amp;onsole:</translation>
    </message>
    <message>
        <source>default: the convention&apos;s own (a UNIX socket; manage-iocs: a TCP port); unix: the convention&apos;s UNIX socket (nothing on the network); unix:PATH: a socket at PATH; tcp:PORT: a localhost TCP port; auto: a free localhost port no other IOC of the host uses.</source>
        <translation>Standard: die der Konvention (ein UNIX-Socket; manage-iocs: ein TCP-Port); unix: der UNIX-Socket der Konvention (nichts im Netzwerk); unix:PATH: ein Socket unter PATH; tcp:PORT: ein localhost-TCP-Port; auto: ein freier localhost-Port, den kein anderer IOC des Hosts verwendet.</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>The IOC&apos;s working directory (where its st.cmd is).</source>
        <translation>Das Arbeitsverzeichnis des IOC (wo seine st.cmd liegt).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>KEY=VALUE, one a line</source>
        <translation>KEY=VALUE, eine pro Zeile</translation>
    </message>
    <message>
        <source>Run as &amp;user:</source>
        <translation>Ausführen als &amp;Benutzer:</translation>
    </message>
    <message>
        <source>the manager&apos;s default</source>
        <translation>der Standard des Managers</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>Be&amp;fehl:</translation>
    </message>
    <message>
        <source>a path, or a program on PATH (e.g. softIoc)</source>
        <translation>ein Pfad oder ein Programm im PATH (z. B. softIoc)</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>A&amp;rgumente:</translation>
    </message>
    <message>
        <source>e.g. -d test.db (quoted as in a shell)</source>
        <translation>z. B. -d test.db (wie in einer Shell quotiert)</translation>
    </message>
    <message>
        <source>Start at &amp;boot (enable)</source>
        <translation>Beim &amp;Booten starten (enable)</translation>
    </message>
    <message>
        <source>Start it &amp;now</source>
        <translation>&amp;Jetzt starten</translation>
    </message>
    <message>
        <source>&amp;Preview (dry run):</source>
        <translation>&amp;Vorschau (Probelauf):</translation>
    </message>
    <message>
        <source>What Create does: every file with its content and every systemd call, in order (iocctl create --dry-run).</source>
        <translation>Was Anlegen tut: jede Datei mit ihrem Inhalt und jeder systemd-Aufruf, in Reihenfolge (iocctl create --dry-run).</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>convention: display name (iocctl&apos;s --convention)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>default</source>
        <comment>console: the convention&apos;s own</comment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>The account the IOC runs as; empty: the default.</source>
        <translation>Das Konto, unter dem der IOC läuft; leer: der Standard.</translation>
    </message>
    <message>
        <source>IOCs of a user manager run as that user.</source>
        <translation>IOCs eines Benutzermanagers laufen als dieser Benutzer.</translation>
    </message>
    <message>
        <source>Type a name and a command: the files and systemd calls that Create makes are shown here.</source>
        <translation>Geben Sie einen Namen und einen Befehl ein: Die Dateien und systemd-Aufrufe, die Anlegen vornimmt, werden hier angezeigt.</translation>
    </message>
    <message>
        <source>Nothing can be created while the form has errors (below).</source>
        <translation>Solange das Formular Fehler enthält (siehe unten), kann nichts angelegt werden.</translation>
    </message>
    <message>
        <source>Working Directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Not offered: %1. %2</source>
        <translation>Nicht angeboten: %1. %2</translation>
    </message>
    <message>
        <source>Looking at %1 (through its SSH connection)…</source>
        <translation>Sehe auf %1 nach (über seine SSH-Verbindung)…</translation>
    </message>
</context>
<context>
    <name>OrderedActionDialog</name>
    <message numerus="yes">
        <source>&amp;Start %n IOC(s) in Order</source>
        <translation>
            <numerusform>%n IOC der Reihe nach &amp;starten</numerusform>
            <numerusform>%n IOCs der Reihe nach &amp;starten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>S&amp;top %n IOC(s) in Order</source>
        <translation>
            <numerusform>%n IOC der Reihe nach s&amp;toppen</numerusform>
            <numerusform>%n IOCs der Reihe nach s&amp;toppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restart %n IOC(s) in Order</source>
        <translation>
            <numerusform>%n IOC der Reihe nach neu sta&amp;rten</numerusform>
            <numerusform>%n IOCs der Reihe nach neu sta&amp;rten</numerusform>
        </translation>
    </message>
    <message>
        <source>Act on IOCs in Order</source>
        <translation>IOCs der Reihe nach bearbeiten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <source>As listed in the table</source>
        <translation>Wie in der Tabelle aufgeführt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Time to wait after each IOC&apos;s job has finished before acting on the next</source>
        <translation>Wartezeit nach dem Ende des Jobs eines IOCs, bevor der nächste bearbeitet wird</translation>
    </message>
    <message>
        <source>IOCs in the order they are acted on</source>
        <translation>IOCs in der Reihenfolge, in der sie bearbeitet werden</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Reihenfolge:</translation>
    </message>
    <message>
        <source>&amp;Delay between IOCs:</source>
        <translation>&amp;Pause zwischen IOCs:</translation>
    </message>
    <message>
        <source>&amp;IOCs, one after the other:</source>
        <translation>&amp;IOCs, einer nach dem anderen:</translation>
    </message>
    <message>
        <source>%1. %2 on %3</source>
        <translation>%1. %2 auf %3</translation>
    </message>
    <message>
        <source>%1. %2 on %3: %4</source>
        <translation>%1. %2 auf %3: %4</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Cancel &amp;Remaining</source>
        <translation>&amp;Übrige abbrechen</translation>
    </message>
    <message>
        <source>Act on no further IOC; a job already running finishes</source>
        <translation>Keinen weiteren IOC bearbeiten; ein laufender Job wird beendet</translation>
    </message>
    <message>
        <source>in progress…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not acted on (canceled)</source>
        <translation>nicht bearbeitet (abgebrochen)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Finishing the current IOC…</source>
        <translation>Der aktuelle IOC wird abgeschlossen…</translation>
    </message>
    <message>
        <source>&amp;Kill after</source>
        <translation>&amp;Beenden nach</translation>
    </message>
    <message>
        <source>When an IOC has not stopped after this time, systemd sends SIGKILL to every process of its unit (as iocctl stop -t does); off: the unit&apos;s own TimeoutStopSec. Applies to IOCs a systemd unit runs.</source>
        <translation>Hat ein IOC nach dieser Zeit nicht gestoppt, sendet systemd SIGKILL an jeden Prozess seiner Unit (wie iocctl stop -t); aus: das eigene TimeoutStopSec der Unit. Gilt für IOCs, die eine systemd-Unit ausführt.</translation>
    </message>
    <message>
        <source>Stop timeout</source>
        <translation>Stopp-Frist</translation>
    </message>
    <message>
        <source>Stop timeout:</source>
        <translation>Stopp-Frist:</translation>
    </message>
</context>
<context>
    <name>PrepareBatch</name>
    <message>
        <source>The connection to the host was closed.</source>
        <translation>Die Verbindung zum Host wurde geschlossen.</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Nicht mehr benötigt</translation>
    </message>
</context>
<context>
    <name>ProcServCommand</name>
    <message>
        <source>Unparsable UNIX socket spec &apos;%1&apos;: expected unix:USER:GROUP:PERM:PATH</source>
        <translation>Unlesbare UNIX-Socket-Angabe &apos;%1&apos;: erwartet unix:USER:GROUP:PERM:PATH</translation>
    </message>
    <message>
        <source>UNIX socket spec &apos;%1&apos; has no path</source>
        <translation>UNIX-Socket-Angabe &apos;%1&apos; hat keinen Pfad</translation>
    </message>
    <message>
        <source>UNIX socket path in &apos;%1&apos; is too long (must be &lt; 108 bytes)</source>
        <translation>UNIX-Socket-Pfad in &apos;%1&apos; ist zu lang (muss &lt; 108 Byte sein)</translation>
    </message>
    <message>
        <source>Invalid socket spec &apos;%1&apos;</source>
        <translation>Ungültige Socket-Angabe &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Invalid port in socket spec &apos;%1&apos;</source>
        <translation>Ungültiger Port in der Socket-Angabe &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The command line is empty</source>
        <translation>Die Befehlszeile ist leer</translation>
    </message>
    <message>
        <source>Ambiguous procServ option &apos;%1&apos;</source>
        <translation>Mehrdeutige procServ-Option &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Unknown procServ option &apos;%1&apos;</source>
        <translation>Unbekannte procServ-Option &apos;%1&apos;</translation>
    </message>
    <message>
        <source>procServ option &apos;--%1&apos; doesn&apos;t allow an argument</source>
        <translation>procServ-Option &apos;--%1&apos; erlaubt kein Argument</translation>
    </message>
    <message>
        <source>procServ option &apos;--%1&apos; requires an argument</source>
        <translation>procServ-Option &apos;--%1&apos; braucht ein Argument</translation>
    </message>
    <message>
        <source>Unknown procServ option &apos;-%1&apos;</source>
        <translation>Unbekannte procServ-Option &apos;-%1&apos;</translation>
    </message>
    <message>
        <source>procServ option &apos;-%1&apos; requires an argument</source>
        <translation>procServ-Option &apos;-%1&apos; braucht ein Argument</translation>
    </message>
    <message>
        <source>procServ command line has no console port and no IOC command</source>
        <translation>Die procServ-Befehlszeile hat weder Konsolenport noch IOC-Befehl</translation>
    </message>
    <message>
        <source>procServ command line has only &apos;%1&apos; after the options: expected a console port (or -P ENDPOINT) and the IOC command</source>
        <translation>Die procServ-Befehlszeile hat nach den Optionen nur &apos;%1&apos;: erwartet werden ein Konsolenport (oder -P ENDPOINT) und der IOC-Befehl</translation>
    </message>
    <message>
        <source>procServ command line has no IOC command to run</source>
        <translation>Die procServ-Befehlszeile hat keinen auszuführenden IOC-Befehl</translation>
    </message>
    <message>
        <source>procServ-launcher: unknown option %1</source>
        <translation>procServ-launcher: unbekannte Option %1</translation>
    </message>
    <message>
        <source>procServ-launcher: the instance name is missing</source>
        <translation>procServ-launcher: der Instanzname fehlt</translation>
    </message>
    <message>
        <source>procServ-launcher: expected one instance name, got %1</source>
        <translation>procServ-launcher: ein Instanzname erwartet, %1 gefunden</translation>
    </message>
</context>
<context>
    <name>PsCommand</name>
    <message>
        <source>List IOCs (running ones unless -a is given).</source>
        <translation>IOCs auflisten (nur laufende, außer mit -a).</translation>
    </message>
    <message>
        <source>Show all installed IOCs, not only running ones.</source>
        <translation>Alle installierten IOCs zeigen, nicht nur laufende.</translation>
    </message>
    <message>
        <source>Print IOC names only.</source>
        <translation>Nur IOC-Namen ausgeben.</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>SCHLÜSSEL=WERT</translation>
    </message>
    <message>
        <source>Output format: table (default), json, or a template such as &apos;{{.Name}} {{.Console}}&apos; printed once per IOC.</source>
        <translation>Ausgabeformat: table (Standard), json oder eine Vorlage wie &apos;{{.Name}} {{.Console}}&apos;, die einmal pro IOC ausgegeben wird.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>ps takes no arguments; use -f name=GLOB to select IOCs.</source>
        <translation>ps nimmt keine Argumente; IOCs mit -f name=MUSTER auswählen.</translation>
    </message>
    <message>
        <source>-q and --format cannot be combined.</source>
        <translation>-q und --format lassen sich nicht kombinieren.</translation>
    </message>
    <message>
        <source>Bad filter: %1</source>
        <translation>Ungültiger Filter: %1</translation>
    </message>
    <message>
        <source>Bad format template: %1</source>
        <translation>Ungültige Formatvorlage: %1</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>RESTARTS</source>
        <translation>NEUSTARTS</translation>
    </message>
    <message>
        <source>CONSOLE</source>
        <translation>KONSOLE</translation>
    </message>
    <message>
        <source>CONVENTION</source>
        <translation>KONVENTION</translation>
    </message>
    <message>
        <source>Columns: NAME, STATUS (systemd state, IOC child state and how long), PID (the IOC process), RESTARTS (systemd&apos;s and procServ&apos;s of the IOC; ? when unknown), CONSOLE, CONVENTION (for a container: its runtime, podman or docker).
JSON keys: name, unit, host, convention, status, activeState, subState, childState, pid, procServPid, restarts (null when unknown), since, childSince, childRestarts, lastExit, crashLoop, ready, enabled, console, logFile, description; for a container also containerId, container, image, containerState, exitCode, health, restartPolicy.</source>
        <translation>Spalten: NAME, STATUS (systemd-Zustand, Zustand des IOC-Kindprozesses und seit wann), PID (der IOC-Prozess), RESTARTS (die von systemd und procServ für den IOC; ? wenn unbekannt), CONSOLE, CONVENTION (bei einem Container: seine Laufzeit, podman oder docker).
JSON-Schlüssel: name, unit, host, convention, status, activeState, subState, childState, pid, procServPid, restarts (null wenn unbekannt), since, childSince, childRestarts, lastExit, crashLoop, ready, enabled, console, logFile, description; bei einem Container auch containerId, container, image, containerState, exitCode, health, restartPolicy.</translation>
    </message>
    <message>
        <source>[-a] [-q] [-n N | -l] [-f KEY=VALUE]... [--format table|json|TEMPLATE|&apos;table TEMPLATE&apos;] [--no-trunc] [--no-legend]</source>
        <translation>[-a] [-q] [-n N | -l] [-f KEY=VALUE]... [--format table|json|TEMPLATE|&apos;table TEMPLATE&apos;] [--no-trunc] [--no-legend]</translation>
    </message>
    <message>
        <source>Do not shorten values to fit the terminal (names never are).</source>
        <translation>Werte nicht kürzen, damit sie ins Terminal passen (Namen werden es nie).</translation>
    </message>
    <message>
        <source>Print no header line.</source>
        <translation>Keine Kopfzeile ausgeben.</translation>
    </message>
    <message>
        <source>Show the N most recently started IOCs (all states), newest first.</source>
        <translation>Die N zuletzt gestarteten IOCs anzeigen (alle Zustände), neueste zuerst.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Show the most recently started IOC (all states).</source>
        <translation>Den zuletzt gestarteten IOC anzeigen (alle Zustände).</translation>
    </message>
    <message>
        <source>-n wants a number of IOCs, not &quot;%1&quot;.</source>
        <translation>-n erwartet eine Anzahl von IOCs, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>-n and -l cannot be combined.</source>
        <translation>-n und -l können nicht kombiniert werden.</translation>
    </message>
    <message>
        <source>Filter with KEY=VALUE (name=GLOB, status=, host=, enabled=, convention=, unit=, runtime=, image=), a word matching the name or @NAME (a filter saved in iocdock&apos;s filter bar); repeatable, terms AND together.</source>
        <translation>Mit KEY=VALUE filtern (name=GLOB, status=, host=, enabled=, convention=, unit=, runtime=, image=), einem Wort, das auf den Namen passt, oder @NAME (ein in der Filterleiste von iocdock gespeicherter Filter); wiederholbar, Terme werden UND-verknüpft.</translation>
    </message>
</context>
<context>
    <name>QueryCommand</name>
    <message>
        <source>Print whether IOCs are active; exit 0 if any is (for scripts).</source>
        <translation>Ausgeben, ob IOCs aktiv sind; Exit 0, wenn einer es ist (für Skripte).</translation>
    </message>
    <message>
        <source>Print whether IOCs start at boot; exit 0 if any does.</source>
        <translation>Ausgeben, ob IOCs beim Booten starten; Exit 0, wenn einer es tut.</translation>
    </message>
    <message>
        <source>Print whether IOCs have failed; exit 0 if any has.</source>
        <translation>Ausgeben, ob IOCs fehlgeschlagen sind; Exit 0, wenn einer es ist.</translation>
    </message>
    <message>
        <source>[-q] NAME...</source>
        <translation>[-q] NAME...</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs (quote globs: &apos;motor*&apos;).</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster (Muster in Anführungszeichen: &apos;motor*&apos;).</translation>
    </message>
    <message>
        <source>NAME...</source>
        <translation>NAME...</translation>
    </message>
    <message>
        <source>Print nothing; only the exit code answers.</source>
        <translation>Nichts ausgeben; nur der Exit-Code antwortet.</translation>
    </message>
    <message>
        <source>Prints systemd&apos;s ActiveState of each IOC&apos;s unit (active, inactive, failed, activating, deactivating, ...; a container: active or inactive), one per line in the order given, &quot;unknown&quot; for a name that is no IOC.</source>
        <translation>Gibt den ActiveState von systemd für die Unit jedes IOC aus (active, inactive, failed, activating, deactivating, ...; ein Container: active oder inactive), einen pro Zeile in der angegebenen Reihenfolge, &quot;unknown&quot; für einen Namen, der kein IOC ist.</translation>
    </message>
    <message>
        <source>Prints the unit file state of each IOC (enabled, disabled, static, masked, ...; a container of no unit: enabled when its restart policy starts it with the engine, else disabled), &quot;not-found&quot; for a name that is no IOC.</source>
        <translation>Gibt den Unit-Datei-Zustand jedes IOC aus (enabled, disabled, static, masked, ...; ein Container ohne Unit: enabled, wenn seine Neustartrichtlinie ihn mit der Engine startet, sonst disabled), &quot;not-found&quot; für einen Namen, der kein IOC ist.</translation>
    </message>
    <message>
        <source>Prints systemd&apos;s ActiveState of each IOC&apos;s unit (failed, active, inactive, ...), &quot;unknown&quot; for a name that is no IOC.</source>
        <translation>Gibt den ActiveState von systemd für die Unit jedes IOC aus (failed, active, inactive, ...), &quot;unknown&quot; für einen Namen, der kein IOC ist.</translation>
    </message>
    <message>
        <source>Exit codes (as systemctl is-active): 0 at least one IOC is active, 3 none is, 4 a name is no IOC and none is active; 2 usage error; 4 or 5 a host could not be reached or timed out.</source>
        <translation>Exit-Codes (wie systemctl is-active): 0 mindestens ein IOC ist aktiv, 3 keiner ist es, 4 ein Name ist kein IOC und keiner ist aktiv; 2 Aufruffehler; 4 oder 5 ein Host konnte nicht erreicht werden oder hat die Zeit überschritten.</translation>
    </message>
    <message>
        <source>Exit codes (as systemctl is-enabled): 0 at least one IOC is enabled, 1 none is, 4 a name is no IOC and none is enabled; 2 usage error; 4 or 5 a host could not be reached or timed out.</source>
        <translation>Exit-Codes (wie systemctl is-enabled): 0 mindestens ein IOC ist aktiviert, 1 keiner ist es, 4 ein Name ist kein IOC und keiner ist aktiviert; 2 Aufruffehler; 4 oder 5 ein Host konnte nicht erreicht werden oder hat die Zeit überschritten.</translation>
    </message>
    <message>
        <source>Exit codes (as systemctl is-failed): 0 at least one IOC has failed, 1 none has, 4 a name is no IOC and none has failed; 2 usage error; 4 or 5 a host could not be reached or timed out.</source>
        <translation>Exit-Codes (wie systemctl is-failed): 0 mindestens ein IOC ist fehlgeschlagen, 1 keiner ist es, 4 ein Name ist kein IOC und keiner ist fehlgeschlagen; 2 Aufruffehler; 4 oder 5 ein Host konnte nicht erreicht werden oder hat die Zeit überschritten.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs at least one IOC name.</source>
        <translation>&apos;%1&apos; braucht mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>%1: no such IOC; %2</source>
        <translation>%1: kein solcher IOC; %2</translation>
    </message>
</context>
<context>
    <name>RemoteChildReader</name>
    <message>
        <source>Reading the IOC processes on %1 timed out.</source>
        <translation>Das Lesen der IOC-Prozesse auf %1 hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>Cannot read the IOC processes on %1: %2</source>
        <translation>Die IOC-Prozesse auf %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the IOC processes on %1.</source>
        <translation>Die IOC-Prozesse auf %1 können nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>RemoteEngine</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%1 forwards no sockets</source>
        <translation>%1 leitet keine Sockets weiter</translation>
    </message>
    <message>
        <source>ssh -O forward failed</source>
        <translation>ssh -O forward fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>RemoteFileReader</name>
    <message>
        <source>Reading %1 on %2 timed out.</source>
        <translation>Das Lesen von %1 auf %2 hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2 did not start (%3).</source>
        <translation>%1 kann nicht gelesen werden: %2 ist nicht gestartet (%3).</translation>
    </message>
    <message>
        <source>%1 is too large for an environment file.</source>
        <translation>%1 ist zu groß für eine Umgebungsdatei.</translation>
    </message>
    <message>
        <source>Cannot read %1 on %2.</source>
        <translation>%1 auf %2 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read %1 on %2: %3</source>
        <translation>%1 auf %2 kann nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>RemoteHostProbe</name>
    <message>
        <source>Looking at %1 timed out.</source>
        <translation>Das Nachsehen auf %1 hat die Zeit überschritten.</translation>
    </message>
    <message>
        <source>%1 did not start.</source>
        <translation>%1 ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Looking at %1 failed: %2</source>
        <translation>Das Nachsehen auf %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>%1 has no XDG_RUNTIME_DIR in its SSH sessions: its user manager&apos;s places are unknown.</source>
        <translation>%1 hat kein XDG_RUNTIME_DIR in seinen SSH-Sitzungen: die Orte seines Benutzer-Managers sind unbekannt.</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>RemoveIocDialog</name>
    <message>
        <source>Remove IOC</source>
        <translation>IOC entfernen</translation>
    </message>
    <message>
        <source>Removed, and the systemd calls made:</source>
        <translation>Entfernt, und die ausgeführten systemd-Aufrufe:</translation>
    </message>
    <message>
        <source>&amp;Kept:</source>
        <translation>&amp;Behalten:</translation>
    </message>
    <message>
        <source>&amp;Stop it first (it is running)</source>
        <translation>&amp;Zuerst stoppen (er läuft)</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from %3? The files of its %4 layout are removed; its own folder, st.cmd and databases stay.</source>
        <translation>%1 (%2) von %3 entfernen? Die Dateien seines Layouts %4 werden entfernt; sein eigener Ordner, st.cmd und Datenbanken bleiben erhalten.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>The host is gone.</source>
        <translation>Der Host ist nicht mehr da.</translation>
    </message>
    <message>
        <source>Looking at %1 (through its SSH connection)…</source>
        <translation>Sehe auf %1 nach (über seine SSH-Verbindung)…</translation>
    </message>
    <message>
        <source>remove folder %1 if empty</source>
        <translation>Ordner %1 entfernen, falls leer</translation>
    </message>
</context>
<context>
    <name>RenameCommand</name>
    <message>
        <source>Rename an IOC where its convention has a rename (NSLS-II manage-iocs).</source>
        <translation>Einen IOC umbenennen, sofern seine Konvention ein Umbenennen kennt (NSLS-II manage-iocs).</translation>
    </message>
    <message>
        <source>[--dry-run] OLD NEW</source>
        <translation>[--dry-run] OLD NEW</translation>
    </message>
    <message>
        <source>Print every file change and systemd call; change nothing.</source>
        <translation>Jede Dateiänderung und jeden systemd-Aufruf ausgeben; nichts ändern.</translation>
    </message>
    <message>
        <source>The IOC&apos;s name.</source>
        <translation>Der Name des IOC.</translation>
    </message>
    <message>
        <source>OLD</source>
        <translation>OLD</translation>
    </message>
    <message>
        <source>Its new name.</source>
        <translation>Sein neuer Name.</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NEW</translation>
    </message>
    <message>
        <source>&apos;rename&apos; needs OLD and NEW.</source>
        <translation>&apos;rename&apos; benötigt OLD und NEW.</translation>
    </message>
</context>
<context>
    <name>RenameIocDialog</name>
    <message>
        <source>Rename IOC</source>
        <translation>IOC umbenennen</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Neuer Name:</translation>
    </message>
    <message>
        <source>&amp;Preview (dry run):</source>
        <translation>&amp;Vorschau (Probelauf):</translation>
    </message>
    <message>
        <source>Rename %1 (%2) on %3.</source>
        <translation>%1 (%2) auf %3 umbenennen.</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Type the new name: what renaming does is shown here.</source>
        <translation>Geben Sie den neuen Namen ein: Was das Umbenennen bewirkt, wird hier angezeigt.</translation>
    </message>
    <message>
        <source>The host is gone.</source>
        <translation>Der Host ist nicht mehr da.</translation>
    </message>
    <message>
        <source>Looking at %1 (through its SSH connection)…</source>
        <translation>Sehe auf %1 nach (über seine SSH-Verbindung)…</translation>
    </message>
</context>
<context>
    <name>ResetFailedCommand</name>
    <message>
        <source>Forget the failed state of IOCs (all failed IOCs without a name).</source>
        <translation>Den fehlgeschlagenen Zustand von IOCs vergessen (ohne Namen: alle fehlgeschlagenen IOCs).</translation>
    </message>
    <message>
        <source>[NAME|GLOB...]</source>
        <translation>[NAME|GLOB...]</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs; none: every IOC whose unit has failed. Only IOC units are reset, never other units of the manager.</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster; keine: jeder IOC, dessen Unit fehlgeschlagen ist. Nur IOC-Units werden zurückgesetzt, nie andere Units des Managers.</translation>
    </message>
    <message>
        <source>%1: no systemd unit runs it; nothing to reset.</source>
        <translation>%1: Keine systemd-Unit führt ihn aus; nichts zurückzusetzen.</translation>
    </message>
    <message>
        <source>failed state reset</source>
        <translation>fehlgeschlagener Zustand zurückgesetzt</translation>
    </message>
    <message>
        <source>was not failed</source>
        <translation>war nicht fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: reset-failed failed: %2</source>
        <translation>%1: reset-failed fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>RestartStorm</name>
    <message numerus="yes">
        <source>Restart storm: %n IOC(s) restarted or failed within a minute on %1. See View ▸ Events.</source>
        <translation>
            <numerusform>Neustart-Sturm: %n IOC innerhalb einer Minute auf %1 neu gestartet oder fehlgeschlagen. Siehe Ansicht ▸ Ereignisse.</numerusform>
            <numerusform>Neustart-Sturm: %n IOCs innerhalb einer Minute auf %1 neu gestartet oder fehlgeschlagen. Siehe Ansicht ▸ Ereignisse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RmCommand</name>
    <message>
        <source>Remove IOCs as their convention&apos;s tool does (never their own directory, st.cmd or databases).</source>
        <translation>IOCs so entfernen, wie es das Werkzeug ihrer Konvention tut (niemals ihr eigenes Verzeichnis, st.cmd oder Datenbanken).</translation>
    </message>
    <message>
        <source>[--force] [--dry-run] NAME...</source>
        <translation>[--force] [--dry-run] NAME...</translation>
    </message>
    <message>
        <source>Stop a running IOC first instead of refusing.</source>
        <translation>Einen laufenden IOC zuerst stoppen, statt abzulehnen.</translation>
    </message>
    <message>
        <source>Print what would be removed and kept, and every systemd call; change nothing.</source>
        <translation>Ausgeben, was entfernt und was behalten würde, sowie jeden systemd-Aufruf; nichts ändern.</translation>
    </message>
    <message>
        <source>IOC names (no globs).</source>
        <translation>IOC-Namen (keine Globs).</translation>
    </message>
    <message>
        <source>NAME...</source>
        <translation>NAME...</translation>
    </message>
    <message>
        <source>&apos;rm&apos; needs at least one IOC name.</source>
        <translation>&apos;rm&apos; benötigt mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>&apos;rm&apos; takes IOC names, not globs: %1</source>
        <translation>&apos;rm&apos; nimmt IOC-Namen, keine Globs: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: removed</source>
        <translation>%1: entfernt</translation>
    </message>
    <message>
        <source>%1: kept %2</source>
        <translation>%1: %2 behalten</translation>
    </message>
    <message>
        <source>%1 (--force stops it first)</source>
        <translation>%1 (--force stoppt ihn zuerst)</translation>
    </message>
</context>
<context>
    <name>RunCommandDialog</name>
    <message>
        <source>Run Command</source>
        <translation>Befehl ausführen</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One IOC shell line for the %n selected IOC(s) (%1). It is sent to each IOC&apos;s procServ console as typed, with Enter; each reply, up to the next prompt, is shown in a tab.</source>
        <translation>
            <numerusform>Eine IOC-Shell-Zeile für den %n ausgewählten IOC (%1). Die Zeile wird wie eingetippt mit Enter an die procServ-Konsole des IOCs gesendet; die Antwort bis zum nächsten Prompt wird in einem Tab gezeigt.</numerusform>
            <numerusform>Eine IOC-Shell-Zeile für die %n ausgewählten IOCs (%1). Die Zeile wird wie eingetippt mit Enter an die procServ-Konsole jedes IOCs gesendet; jede Antwort bis zum nächsten Prompt wird in einem Tab gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. dbl</source>
        <translation>z. B. dbl</translation>
    </message>
    <message>
        <source>Recent lines are in the list (Alt+Down).</source>
        <translation>Die letzten Zeilen stehen in der Liste (Alt+Down).</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Type a command line.</source>
        <translation>Eine Befehlszeile eingeben.</translation>
    </message>
    <message>
        <source>The line holds a control character (0x%1 at position %2): procServ and the IOC shell act on those, so it is not sent. Use a console to type it.</source>
        <translation>Die Zeile enthält ein Steuerzeichen (0x%1 an Position %2): procServ und die IOC-Shell reagieren darauf, daher wird sie nicht gesendet. Zum Eintippen eine Konsole verwenden.</translation>
    </message>
</context>
<context>
    <name>SavedFilters</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a saved-filters file: %2</source>
        <translation>%1 ist keine Datei mit gespeicherten Filtern: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner von %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>A saved filter&apos;s name is one word of letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;: &quot;%1&quot;.</source>
        <translation>Der Name eines gespeicherten Filters ist ein Wort aus Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos;: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown status toggle &quot;%1&quot; (running, not-running or failed).</source>
        <translation>Unbekannter Statusschalter &quot;%1&quot; (running, not-running oder failed).</translation>
    </message>
    <message>
        <source>Bad filter in &quot;%1&quot;: %2</source>
        <translation>Ungültiger Filter in &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>No saved filter named &quot;%1&quot; (none saved).</source>
        <translation>Kein gespeicherter Filter namens &quot;%1&quot; (keine gespeichert).</translation>
    </message>
    <message>
        <source>No saved filter named &quot;%1&quot; (saved: %2).</source>
        <translation>Kein gespeicherter Filter namens &quot;%1&quot; (gespeichert: %2).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Unit pattern &quot;%1&quot; must be one word, e.g. softioc-*.service.</source>
        <translation>Das Unit-Muster „%1“ muss ein einzelnes Wort sein, z. B. softioc-*.service.</translation>
    </message>
    <message>
        <source>Scrollback must be between %1 and %2 lines.</source>
        <translation>Der Verlauf muss zwischen %1 und %2 Zeilen lang sein.</translation>
    </message>
    <message>
        <source>Log lines must not be negative.</source>
        <translation>Die Zahl der Protokollzeilen darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Event history must be between 0 and %1 hours.</source>
        <translation>Der Ereignisverlauf muss zwischen 0 und %1 Stunden liegen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Ask before stopping or restarting an IOC</source>
        <translation>Vor dem Stoppen oder Neustarten eines IOCs fragen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>One systemd unit name pattern per line. Leave empty for the patterns of all known conventions. Units that run procServ are found whatever their name.</source>
        <translation>Ein Muster für systemd-Unit-Namen pro Zeile. Leer lassen für die Muster aller bekannten Konventionen. Units, die procServ ausführen, werden unabhängig vom Namen gefunden.</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Unit patterns:</source>
        <translation>&amp;Unit-Muster:</translation>
    </message>
    <message>
        <source>Console &amp;scrollback:</source>
        <translation>Konsolen&amp;verlauf:</translation>
    </message>
    <message>
        <source>Console &amp;font:</source>
        <translation>Konsolen&amp;schrift:</translation>
    </message>
    <message>
        <source>Console &amp;colours:</source>
        <translation>Konsolen&amp;farben:</translation>
    </message>
    <message>
        <source>&amp;Log history:</source>
        <translation>&amp;Protokollverlauf:</translation>
    </message>
    <message>
        <source>Past &amp;events from the journal:</source>
        <translation>Frühere &amp;Ereignisse aus dem Journal:</translation>
    </message>
    <message>
        <source>When a host is listed, the Events pane reads the events of its IOCs of the last N hours from its journal; 0 reads none. Applies to the hosts listed from now on.</source>
        <translation>Wird ein Host aufgelistet, liest der Bereich „Ereignisse“ die Ereignisse seiner IOCs der letzten N Stunden aus seinem Journal; 0 liest keine. Gilt für die ab jetzt aufgelisteten Hosts.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
</context>
<context>
    <name>SharedPrepare</name>
    <message>
        <source>%1 failed (exit status %2)</source>
        <translation>%1 fehlgeschlagen (Exit-Status %2)</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>A console takes every key typed in it (the IOC gets them): press Tab or click the table to use these shortcuts. Shift+F1, then a click, explains a state word in the table.</source>
        <translation>Eine Konsole nimmt jede darin getippte Taste an (der IOC erhält sie): Drücken Sie Tab oder klicken Sie auf die Tabelle, um diese Tastenkürzel zu verwenden. Umschalt+F1 und dann ein Klick erklärt ein Zustandswort in der Tabelle.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
</context>
<context>
    <name>SnapshotFileView</name>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
</context>
<context>
    <name>StateWords</name>
    <message>
        <source>Up:</source>
        <translation>Läuft:</translation>
    </message>
    <message>
        <source>the container engine runs the container; the time is how long it has been up.</source>
        <translation>Die Container-Engine führt den Container aus; die Zeit gibt an, wie lange er schon läuft.</translation>
    </message>
    <message>
        <source>(paused):</source>
        <translation>(pausiert):</translation>
    </message>
    <message>
        <source>its processes are frozen until it is unpaused.</source>
        <translation>Seine Prozesse sind eingefroren, bis die Pause aufgehoben wird.</translation>
    </message>
    <message>
        <source>(healthy / unhealthy):</source>
        <translation>(gesund / ungesund):</translation>
    </message>
    <message>
        <source>what the image&apos;s health check answered last.</source>
        <translation>was die Gesundheitsprüfung des Images zuletzt geantwortet hat.</translation>
    </message>
    <message>
        <source>Exited (N):</source>
        <translation>Beendet (N):</translation>
    </message>
    <message>
        <source>Restarting (N):</source>
        <translation>Startet neu (N):</translation>
    </message>
    <message>
        <source>the container&apos;s main process ended with exit code N (137: killed, 143: terminated)%1.</source>
        <translation>Der Hauptprozess des Containers endete mit Exit-Code N (137: gekillt, 143: beendet)%1.</translation>
    </message>
    <message>
        <source> and its restart policy starts it again</source>
        <translation> und seine Neustartrichtlinie startet ihn erneut</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>the container exists but was never started.</source>
        <translation>Der Container existiert, wurde aber nie gestartet.</translation>
    </message>
    <message>
        <source>Unknown:</source>
        <translation>Unbekannt:</translation>
    </message>
    <message>
        <source>the container engine has not said (yet).</source>
        <translation>Die Container-Engine hat sich (noch) nicht geäußert.</translation>
    </message>
    <message>
        <source>(IOC shut down):</source>
        <translation>(IOC heruntergefahren):</translation>
    </message>
    <message>
        <source>procServ runs in the container but the IOC process behind it does not.</source>
        <translation>procServ läuft im Container, aber der IOC-Prozess dahinter nicht.</translation>
    </message>
    <message>
        <source>Not found:</source>
        <translation>Nicht gefunden:</translation>
    </message>
    <message>
        <source>systemd has no unit file of this name (any more).</source>
        <translation>systemd hat (nicht mehr) eine Unit-Datei dieses Namens.</translation>
    </message>
    <message>
        <source>Masked:</source>
        <translation>Maskiert:</translation>
    </message>
    <message>
        <source>the unit is masked; systemd refuses to start it until it is unmasked.</source>
        <translation>Die Unit ist maskiert; systemd weigert sich, sie zu starten, bis die Maskierung aufgehoben ist.</translation>
    </message>
    <message>
        <source>Unit file error:</source>
        <translation>Fehler in der Unit-Datei:</translation>
    </message>
    <message>
        <source>systemd could not use the unit file (a syntax error or a bad setting) and cannot start the IOC until it is fixed. The details show systemd&apos;s message.</source>
        <translation>systemd konnte die Unit-Datei nicht verwenden (ein Syntaxfehler oder eine ungültige Einstellung) und kann den IOC nicht starten, bis sie korrigiert ist. Die Details zeigen die Meldung von systemd.</translation>
    </message>
    <message>
        <source>Not loaded:</source>
        <translation>Nicht geladen:</translation>
    </message>
    <message>
        <source>the unit file is installed but systemd has not loaded it, so it is not running.</source>
        <translation>Die Unit-Datei ist installiert, aber systemd hat sie nicht geladen, daher läuft sie nicht.</translation>
    </message>
    <message>
        <source>systemd runs procServ (the unit is active). The time is how long the IOC process has been up, or procServ when the IOC&apos;s own start is not known.</source>
        <translation>systemd führt procServ aus (die Unit ist aktiv). Die Zeit gibt an, wie lange der IOC-Prozess schon läuft, oder procServ, wenn der Start des IOC selbst nicht bekannt ist.</translation>
    </message>
    <message>
        <source>procServ runs but the IOC process behind it does not: it ended and procServ&apos;s auto-restart is off. systemd still says active. Restart the IOC from its console or restart the unit.</source>
        <translation>procServ läuft, aber der IOC-Prozess dahinter nicht: Er hat sich beendet, und der Autoneustart von procServ ist aus. systemd meldet weiterhin active. Starten Sie den IOC über seine Konsole neu oder starten Sie die Unit neu.</translation>
    </message>
    <message>
        <source>Starting:</source>
        <translation>Startet:</translation>
    </message>
    <message>
        <source>systemd is starting the unit, or the IOC has not finished iocInit yet.</source>
        <translation>systemd startet die Unit, oder der IOC hat iocInit noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Stopping:</source>
        <translation>Stoppt:</translation>
    </message>
    <message>
        <source>systemd is stopping the unit.</source>
        <translation>systemd stoppt die Unit.</translation>
    </message>
    <message>
        <source>Restarting:</source>
        <translation>Neustart:</translation>
    </message>
    <message>
        <source>the IOC keeps ending: procServ restarted it %1 times or more within %2 minutes (crashed N×, last: why), or procServ itself failed and systemd is about to start the unit again.</source>
        <translation>Der IOC endet immer wieder: procServ hat ihn %1-mal oder öfter innerhalb von %2 Minuten neu gestartet (N× abgestürzt, zuletzt: Grund), oder procServ selbst ist fehlgeschlagen und systemd startet die Unit gleich erneut.</translation>
    </message>
    <message>
        <source>Exited (failed):</source>
        <translation>Beendet (fehlgeschlagen):</translation>
    </message>
    <message>
        <source>procServ ended with an error or was killed, and systemd marked the unit failed. The unit&apos;s Result in the details says how (exit-code, signal, timeout, …).</source>
        <translation>procServ endete mit einem Fehler oder wurde gekillt, und systemd hat die Unit als fehlgeschlagen markiert. Result der Unit in den Details sagt, wie (exit-code, signal, timeout, …).</translation>
    </message>
    <message>
        <source>Exited:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>the unit is stopped (inactive); the time is since it stopped.</source>
        <translation>Die Unit ist gestoppt (inactive); die Zeit zählt ab dem Stoppen.</translation>
    </message>
    <message>
        <source>(unit file error):</source>
        <translation>(Fehler in der Unit-Datei):</translation>
    </message>
    <message>
        <source>the unit file was changed and systemd refused the new one. What runs now was started from the old file; the next start fails until the file is fixed.</source>
        <translation>Die Unit-Datei wurde geändert und systemd hat die neue abgelehnt. Was jetzt läuft, wurde aus der alten Datei gestartet; der nächste Start schlägt fehl, bis die Datei korrigiert ist.</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>since %1; %2 ago</source>
        <translation>seit %1; vor %2</translation>
    </message>
    <message>
        <source>Show an IOC&apos;s unit, procServ, child and recent log, as systemctl status.</source>
        <translation>Unit, procServ, Kindprozess und aktuelles Log eines IOC anzeigen, wie systemctl status.</translation>
    </message>
    <message>
        <source>[-n LINES] NAME|GLOB...</source>
        <translation>[-n LINES] NAME|GLOB...</translation>
    </message>
    <message>
        <source>IOC names, unit names or globs (quote globs: &apos;motor*&apos;).</source>
        <translation>IOC-Namen, Unit-Namen oder Glob-Muster (Muster in Anführungszeichen: &apos;motor*&apos;).</translation>
    </message>
    <message>
        <source>NAME|GLOB...</source>
        <translation>NAME|GLOB...</translation>
    </message>
    <message>
        <source>Show the last N lines of each IOC&apos;s log (default 5; 0: none), from where &apos;iocctl logs&apos; reads it.</source>
        <translation>Die letzten N Zeilen des Logs jedes IOC anzeigen (Standard 5; 0: keine), von dort, wo &apos;iocctl logs&apos; es liest.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Facts that cannot be read are shown as &quot;unknown&quot;, never guessed.</source>
        <translation>Fakten, die nicht gelesen werden können, werden als &quot;unbekannt&quot; angezeigt, nie geraten.</translation>
    </message>
    <message>
        <source>Exit codes (as systemctl status): 0 every IOC named is active, 3 at least one is not, 4 a name is no IOC; 2 usage error; 4 or 5 a host could not be reached or timed out.</source>
        <translation>Exit-Codes (wie systemctl status): 0 jeder genannte IOC ist aktiv, 3 mindestens einer ist es nicht, 4 ein Name ist kein IOC; 2 Aufruffehler; 4 oder 5 ein Host konnte nicht erreicht werden oder hat die Zeit überschritten.</translation>
    </message>
    <message>
        <source>&apos;status&apos; needs at least one IOC name.</source>
        <translation>&apos;status&apos; braucht mindestens einen IOC-Namen.</translation>
    </message>
    <message>
        <source>-n needs a number of lines (0 or more), not &quot;%1&quot;.</source>
        <translation>-n braucht eine Anzahl Zeilen (0 oder mehr), nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message numerus="yes">
        <source>the log did not answer within %n second(s)</source>
        <translation>
            <numerusform>das Log hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>das Log hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>no log known</source>
        <translation>kein Log bekannt</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Konvention</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfig</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>%1 (%2; %3)</source>
        <translation>%1 (%2; %3)</translation>
    </message>
    <message>
        <source>result %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>none now (%1)</source>
        <translation>derzeit keiner (%1)</translation>
    </message>
    <message>
        <source>%1 (%2, image %3)</source>
        <translation>%1 (%2, Image %3)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>PID unknown</source>
        <translation>PID unbekannt</translation>
    </message>
    <message>
        <source>console %1</source>
        <translation>Konsole %1</translation>
    </message>
    <message>
        <source>log port %1</source>
        <translation>Log-Port %1</translation>
    </message>
    <message>
        <source>log file %1</source>
        <translation>Log-Datei %1</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source>procServ</source>
        <translation>procServ</translation>
    </message>
    <message>
        <source>not running (procServ is not running)</source>
        <translation>läuft nicht (procServ läuft nicht)</translation>
    </message>
    <message>
        <source>auto-restart %1</source>
        <translation>Autoneustart %1</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kindprozess</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Last exit</source>
        <translation>Letztes Ende</translation>
    </message>
    <message>
        <source>none since the unit started</source>
        <translation>keines seit dem Start der Unit</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Log: %1</translation>
    </message>
</context>
<context>
    <name>SystemdManager</name>
    <message>
        <source>%1 has no [Install] section, so there is nothing to enable.</source>
        <translation>%1 hat keinen Abschnitt [Install], es gibt also nichts zu aktivieren.</translation>
    </message>
    <message>
        <source>Not connected to the D-Bus bus: %1</source>
        <translation>Nicht mit dem D-Bus verbunden: %1</translation>
    </message>
    <message>
        <source>Permission denied: you are not allowed to do this (%1).</source>
        <translation>Zugriff verweigert: Sie dürfen das nicht (%1).</translation>
    </message>
    <message>
        <source>Authentication is required, but no authentication agent could ask for a password. Run a polkit agent in this session or ask an administrator for permission.</source>
        <translation>Eine Authentifizierung ist nötig, aber kein Authentifizierungsagent konnte nach einem Passwort fragen. Einen polkit-Agenten in dieser Sitzung starten oder einen Administrator um die Berechtigung bitten.</translation>
    </message>
    <message>
        <source>No such unit: %1</source>
        <translation>Keine solche Unit: %1</translation>
    </message>
    <message>
        <source>The unit is masked: %1</source>
        <translation>Die Unit ist maskiert: %1</translation>
    </message>
    <message>
        <source>No such job: %1</source>
        <translation>Kein solcher Job: %1</translation>
    </message>
    <message>
        <source>systemd rejected the request: %1</source>
        <translation>systemd hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>systemd did not answer in time (%1).</source>
        <translation>systemd hat nicht rechtzeitig geantwortet (%1).</translation>
    </message>
    <message>
        <source>The connection to the D-Bus bus is lost (%1).</source>
        <translation>Die Verbindung zum D-Bus ist verloren (%1).</translation>
    </message>
    <message>
        <source>No systemd manager on this bus (%1).</source>
        <translation>Kein systemd-Manager auf diesem Bus (%1).</translation>
    </message>
    <message>
        <source>D-Bus error %1.</source>
        <translation>D-Bus-Fehler %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>the unit failed; see its log</source>
        <translation>die Unit ist fehlgeschlagen; siehe ihr Protokoll</translation>
    </message>
    <message>
        <source>the unit did not finish in time (timeout); see its log</source>
        <translation>die Unit wurde nicht rechtzeitig fertig (Zeitüberschreitung); siehe ihr Protokoll</translation>
    </message>
    <message>
        <source>the job was canceled by another request</source>
        <translation>der Job wurde durch eine andere Anfrage abgebrochen</translation>
    </message>
    <message>
        <source>a unit this one depends on failed</source>
        <translation>eine Unit, von der diese abhängt, ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>nothing to do for the unit in its current state (skipped)</source>
        <translation>im aktuellen Zustand der Unit ist nichts zu tun (übersprungen)</translation>
    </message>
    <message>
        <source>the job does not apply to this unit</source>
        <translation>der Job ist auf diese Unit nicht anwendbar</translation>
    </message>
    <message>
        <source>the unit does not support this action</source>
        <translation>die Unit unterstützt diese Aktion nicht</translation>
    </message>
    <message>
        <source>finished with result &quot;%1&quot;</source>
        <translation>beendet mit Ergebnis „%1“</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>Neustarten</translation>
    </message>
    <message>
        <source>enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>The systemd manager left the bus.</source>
        <translation>Der systemd-Manager hat den Bus verlassen.</translation>
    </message>
    <message>
        <source>org.freedesktop.systemd1 is not on this bus</source>
        <translation>org.freedesktop.systemd1 ist nicht auf diesem Bus</translation>
    </message>
</context>
<context>
    <name>TerminalWriter</name>
    <message numerus="yes">
        <source>[iocdock: %n byte(s) of output dropped — terminal could not keep up]</source>
        <translation>
            <numerusform>[iocdock: %n Byte Ausgabe verworfen — das Terminal konnte nicht mithalten]</numerusform>
            <numerusform>[iocdock: %n Bytes Ausgabe verworfen — das Terminal konnte nicht mithalten]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeArgument</name>
    <message>
        <source>a date and time (2026-05-01T12:00:00, &quot;2026-05-01 12:00&quot;, with Z or an offset for UTC or another zone), a Unix time (1777636800), a duration (10m, 1h30m, &quot;10 min ago&quot;), now, today or yesterday</source>
        <translation>ein Datum mit Uhrzeit (2026-05-01T12:00:00, „2026-05-01 12:00“, mit Z oder einem Versatz für UTC oder eine andere Zone), eine Unix-Zeit (1777636800), eine Dauer (10m, 1h30m, „10 min ago“), now, today oder yesterday</translation>
    </message>
</context>
<context>
    <name>TimedStop</name>
    <message>
        <source>its host %1 is not connected</source>
        <translation>sein Host %1 ist nicht verbunden</translation>
    </message>
</context>
<context>
    <name>UnitDescriber</name>
    <message>
        <source>ExecStart=: %1</source>
        <translation>ExecStart=: %1</translation>
    </message>
    <message>
        <source>procServ command line: %1</source>
        <translation>procServ-Befehlszeile: %1</translation>
    </message>
</context>
<context>
    <name>UnitFile</name>
    <message>
        <source>%1:%2: invalid section header &quot;%3&quot;</source>
        <translation>%1:%2: ungültige Abschnittsüberschrift &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1:%2: missing &apos;=&apos; in &quot;%3&quot;</source>
        <translation>%1:%2: fehlendes &apos;=&apos; in &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: ExecStart= names no program</source>
        <translation>%1: ExecStart= nennt kein Programm</translation>
    </message>
    <message>
        <source>%1: the service has no ExecStart=</source>
        <translation>%1: der Dienst hat kein ExecStart=</translation>
    </message>
    <message>
        <source>%1: Restart=%2 is not allowed for Type=oneshot</source>
        <translation>%1: Restart=%2 ist für Type=oneshot nicht erlaubt</translation>
    </message>
    <message>
        <source>%1: more than one ExecStart= needs Type=oneshot</source>
        <translation>%1: mehr als ein ExecStart= braucht Type=oneshot</translation>
    </message>
</context>
<context>
    <name>UnitFileSource</name>
    <message>
        <source>Cannot read the unit file %1.</source>
        <translation>Die Unit-Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Reading unit files on %1 timed out.</source>
        <translation>Das Lesen der Unit-Dateien auf %1 hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>Cannot read unit files on %1: %2</source>
        <translation>Unit-Dateien auf %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read unit files on %1.</source>
        <translation>Unit-Dateien auf %1 können nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>UnitSpecifiers</name>
    <message>
        <source>Unknown or unavailable specifier %%%1 in &quot;%2&quot;</source>
        <translation>Unbekannter oder nicht verfügbarer Kennzeichner %%%1 in „%2“</translation>
    </message>
</context>
<context>
    <name>WriterCommand</name>
    <message>
        <source>&apos;%1&apos; works on one host at a time.</source>
        <translation>&apos;%1&apos; arbeitet jeweils nur auf einem Host.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; works on this machine&apos;s managers (--system or --user) and on SSH hosts only.</source>
        <translation>&apos;%1&apos; funktioniert nur auf den Managern dieses Rechners (--system oder --user) und auf SSH-Hosts.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage EPICS IOCs that run under procServ and systemd.</source>
        <translation>EPICS-IOCs verwalten, die unter procServ und systemd laufen.</translation>
    </message>
    <message>
        <source>Show the IOCs of your user manager.</source>
        <translation>Die IOCs Ihres Benutzer-Managers zeigen.</translation>
    </message>
    <message>
        <source>Show the IOCs of the system manager.</source>
        <translation>Die IOCs des System-Managers zeigen.</translation>
    </message>
    <message>
        <source>Show the IOCs of the systemd manager at this D-Bus address.</source>
        <translation>Die IOCs des systemd-Managers an dieser D-Bus-Adresse zeigen.</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>Show the IOCs of a remote host over SSH ([user@]host[:port], /user for its user manager). Repeatable.</source>
        <translation>Die IOCs eines entfernten Hosts über SSH zeigen ([benutzer@]host[:port], /user für dessen Benutzer-Manager). Mehrfach möglich.</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>Save a picture of the window once the table is filled, then quit (for CI).</source>
        <translation>Ein Bild des Fensters speichern, sobald die Tabelle gefüllt ist, dann beenden (für CI).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>iocdock: not a host: %1</source>
        <translation>iocdock: kein Host: %1</translation>
    </message>
    <message>
        <source>Open the console of this IOC once it is listed. Repeatable.</source>
        <translation>Die Konsole dieses IOCs öffnen, sobald er aufgelistet ist. Mehrfach möglich.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Do not reopen the console and log tabs and the host selection of the last session.</source>
        <translation>Die Konsolen- und Log-Tabs und die Host-Auswahl der letzten Sitzung nicht wieder öffnen.</translation>
    </message>
</context>
</TS>
