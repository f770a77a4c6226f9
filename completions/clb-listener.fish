# fish completion for clb-listener.
# Generated from the command definitions by `clb-listener completion fish`; do not edit.
# (In the source tree, `npm run completions` rewrites completions/.)
#
# Install:
#   mkdir -p ~/.config/fish/completions && clb-listener completion fish > ~/.config/fish/completions/clb-listener.fish

# The subcommands of a command path ("" is the root), one a line.
function __clb_listener_commands
    switch $argv[1]
        case ''
            printf '%s\n' 'create' 'apply' 'export' 'wait' 'list' 'delete' 'rule' 'target' 'configure' 'whoami' 'emulator' 'completion' 'help'
        case 'rule'
            printf '%s\n' 'create' 'modify' 'delete' 'list' 'help'
        case 'target'
            printf '%s\n' 'add' 'help'
        case 'configure'
            printf '%s\n' 'set' 'unset' 'get' 'list' 'show'
    end
end

# Whether "path|option" takes a value: prints required or optional, or nothing.
function __clb_listener_arity
    switch "$argv[1]|$argv[2]"
        case '|--profile' '|--region' '|--endpoint' '|--language' '|--output' '|-o' '|--query' '|--filter' '|--request-timeout'
            echo required
        case 'create|--load-balancer-id' 'create|--ports' 'create|--protocol' 'create|--listener-names' 'create|--session-expire-time' 'create|--scheduler' 'create|--target-type' 'create|--session-type' 'create|--end-port' 'create|--full-end-ports' 'create|--data-compress-mode' 'create|--certificate' 'create|--multi-cert-info' 'create|--cert-id' 'create|--ssl-mode' 'create|--ca-cert-id' 'create|--ssl-verify-client' 'create|--cert-file' 'create|--key-file' 'create|--cert-name' 'create|--ca-file' 'create|--ca-name' 'create|--health-check' 'create|--max-conn' 'create|--max-cps' 'create|--idle-connect-timeout' 'create|--reschedule-start-time' 'create|--reschedule-interval' 'create|--rule' 'create|--target' 'create|--from-file' 'create|--cli-input-json' 'create|--wait-timeout' 'create|--lb' 'create|--port' 'create|--name' 'create|--profile' 'create|--region' 'create|--endpoint' 'create|--language' 'create|--output' 'create|-o' 'create|--query' 'create|--filter' 'create|--request-timeout'
            echo required
        case 'create|--proxy-protocol' 'create|--snat-enable' 'create|--h2c-switch' 'create|--sni-switch' 'create|--ssl-close-switch' 'create|--keepalive-enable' 'create|--deregister-target-rst' 'create|--reschedule-target-zero-weight' 'create|--reschedule-unhealthy' 'create|--reschedule-expand-target' 'create|--wait-healthy' 'create|--generate-cli-skeleton'
            echo optional
        case 'apply|--file' 'apply|-f' 'apply|--wait-timeout' 'apply|--profile' 'apply|--region' 'apply|--endpoint' 'apply|--language' 'apply|--output' 'apply|-o' 'apply|--query' 'apply|--filter' 'apply|--request-timeout'
            echo required
        case 'apply|--wait-healthy'
            echo optional
        case 'export|--lb' 'export|--port' 'export|--protocol' 'export|--profile' 'export|--region' 'export|--endpoint' 'export|--language' 'export|--output' 'export|-o' 'export|--query' 'export|--filter' 'export|--request-timeout'
            echo required
        case 'wait|--wait-timeout' 'wait|--profile' 'wait|--region' 'wait|--endpoint' 'wait|--language' 'wait|--output' 'wait|-o' 'wait|--query' 'wait|--filter' 'wait|--request-timeout'
            echo required
        case 'list|--load-balancer-id' 'list|--port' 'list|--listener-id' 'list|--protocol' 'list|--lb' 'list|--ports' 'list|--profile' 'list|--region' 'list|--endpoint' 'list|--language' 'list|--output' 'list|-o' 'list|--query' 'list|--filter' 'list|--request-timeout'
            echo required
        case 'delete|--load-balancer-id' 'delete|--listener-id' 'delete|--wait-timeout' 'delete|--lb' 'delete|--profile' 'delete|--region' 'delete|--endpoint' 'delete|--language' 'delete|--output' 'delete|-o' 'delete|--query' 'delete|--filter' 'delete|--request-timeout'
            echo required
        case 'rule|--profile' 'rule|--region' 'rule|--endpoint' 'rule|--language' 'rule|--output' 'rule|-o' 'rule|--query' 'rule|--filter' 'rule|--request-timeout'
            echo required
        case 'rule create|--lb' 'rule create|--listener-id' 'rule create|--port' 'rule create|--wait-timeout' 'rule create|--rule' 'rule create|--profile' 'rule create|--region' 'rule create|--endpoint' 'rule create|--language' 'rule create|--output' 'rule create|-o' 'rule create|--query' 'rule create|--filter' 'rule create|--request-timeout'
            echo required
        case 'rule modify|--lb' 'rule modify|--listener-id' 'rule modify|--port' 'rule modify|--wait-timeout' 'rule modify|--rule' 'rule modify|--profile' 'rule modify|--region' 'rule modify|--endpoint' 'rule modify|--language' 'rule modify|--output' 'rule modify|-o' 'rule modify|--query' 'rule modify|--filter' 'rule modify|--request-timeout'
            echo required
        case 'rule delete|--lb' 'rule delete|--listener-id' 'rule delete|--port' 'rule delete|--wait-timeout' 'rule delete|--location-id' 'rule delete|--domain' 'rule delete|--url' 'rule delete|--new-default-domain' 'rule delete|--profile' 'rule delete|--region' 'rule delete|--endpoint' 'rule delete|--language' 'rule delete|--output' 'rule delete|-o' 'rule delete|--query' 'rule delete|--filter' 'rule delete|--request-timeout'
            echo required
        case 'rule list|--lb' 'rule list|--listener-id' 'rule list|--port' 'rule list|--profile' 'rule list|--region' 'rule list|--endpoint' 'rule list|--language' 'rule list|--output' 'rule list|-o' 'rule list|--query' 'rule list|--filter' 'rule list|--request-timeout'
            echo required
        case 'rule help|--profile' 'rule help|--region' 'rule help|--endpoint' 'rule help|--language' 'rule help|--output' 'rule help|-o' 'rule help|--query' 'rule help|--filter' 'rule help|--request-timeout'
            echo required
        case 'target|--profile' 'target|--region' 'target|--endpoint' 'target|--language' 'target|--output' 'target|-o' 'target|--query' 'target|--filter' 'target|--request-timeout'
            echo required
        case 'target add|--lb' 'target add|--listener-id' 'target add|--location-id' 'target add|--domain' 'target add|--url' 'target add|--target' 'target add|--wait-timeout' 'target add|--profile' 'target add|--region' 'target add|--endpoint' 'target add|--language' 'target add|--output' 'target add|-o' 'target add|--query' 'target add|--filter' 'target add|--request-timeout'
            echo required
        case 'target add|--wait-healthy'
            echo optional
        case 'target help|--profile' 'target help|--region' 'target help|--endpoint' 'target help|--language' 'target help|--output' 'target help|-o' 'target help|--query' 'target help|--filter' 'target help|--request-timeout'
            echo required
        case 'configure|--profile' 'configure|--region' 'configure|--endpoint' 'configure|--language' 'configure|--output' 'configure|-o' 'configure|--query' 'configure|--filter' 'configure|--request-timeout'
            echo required
        case 'configure set|--profile' 'configure set|--region' 'configure set|--endpoint' 'configure set|--language' 'configure set|--output' 'configure set|-o' 'configure set|--query' 'configure set|--filter' 'configure set|--request-timeout'
            echo required
        case 'configure unset|--profile' 'configure unset|--region' 'configure unset|--endpoint' 'configure unset|--language' 'configure unset|--output' 'configure unset|-o' 'configure unset|--query' 'configure unset|--filter' 'configure unset|--request-timeout'
            echo required
        case 'configure get|--profile' 'configure get|--region' 'configure get|--endpoint' 'configure get|--language' 'configure get|--output' 'configure get|-o' 'configure get|--query' 'configure get|--filter' 'configure get|--request-timeout'
            echo required
        case 'configure list|--profile' 'configure list|--region' 'configure list|--endpoint' 'configure list|--language' 'configure list|--output' 'configure list|-o' 'configure list|--query' 'configure list|--filter' 'configure list|--request-timeout'
            echo required
        case 'configure show|--profile' 'configure show|--region' 'configure show|--endpoint' 'configure show|--language' 'configure show|--output' 'configure show|-o' 'configure show|--query' 'configure show|--filter' 'configure show|--request-timeout'
            echo required
        case 'whoami|--profile' 'whoami|--region' 'whoami|--endpoint' 'whoami|--language' 'whoami|--output' 'whoami|-o' 'whoami|--query' 'whoami|--filter' 'whoami|--request-timeout'
            echo required
        case 'emulator|--host' 'emulator|--port' 'emulator|--secret-id' 'emulator|--secret-key' 'emulator|--token' 'emulator|--region' 'emulator|--load-balancers' 'emulator|--task-delay' 'emulator|--rate-limit' 'emulator|--listener-quota' 'emulator|--instances' 'emulator|--target-health-delay' 'emulator|--state' 'emulator|--certificates' 'emulator|--profile' 'emulator|--endpoint' 'emulator|--language' 'emulator|--output' 'emulator|-o' 'emulator|--query' 'emulator|--filter' 'emulator|--request-timeout'
            echo required
        case 'completion|--profile' 'completion|--region' 'completion|--endpoint' 'completion|--language' 'completion|--output' 'completion|-o' 'completion|--query' 'completion|--filter' 'completion|--request-timeout'
            echo required
        case 'help|--profile' 'help|--region' 'help|--endpoint' 'help|--language' 'help|--output' 'help|-o' 'help|--query' 'help|--filter' 'help|--request-timeout'
            echo required
    end
end

# Prints the command path of the command line so far (e.g. "configure set") and, on a second
# line, how many positional arguments follow it.
function __clb_listener_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    set -l npos 0
    set -l skip 0
    set -l dashdash 0
    set -l count (count $tokens)
    for i in (seq 1 $count)
        set -l tok $tokens[$i]
        if test $skip -gt 0
            set skip (math $skip - 1)
            continue
        end
        if test $dashdash -eq 0; and string match -q -- '-?*' $tok
            if test $tok = '--'
                set dashdash 1
                continue
            end
            string match -q -- '--*=*' $tok; and continue
            set -l flag $tok
            if not string match -q -- '--*' $tok; and test (string length -- $tok) -gt 2
                # Bundled short flags (-qo): the last one may take the next word.
                set flag -(string sub -s -1 -- $tok)
            end
            switch (__clb_listener_arity "$path" $flag)
                case required
                    set skip 1
                case optional
                    set -l next (math $i + 1)
                    if test $next -le $count; and not string match -q -- '-*' $tokens[$next]
                        set skip 1
                    end
            end
            continue
        end
        if test $npos -eq 0; and test $dashdash -eq 0; and contains -- $tok (__clb_listener_commands "$path")
            set path (string trim -- "$path $tok")
        else
            set npos (math $npos + 1)
        end
    end
    printf '%s\n' "$path" $npos
end

# True when the command line is at command path $argv[1]; with $argv[2], also at positional
# argument N (from 0), or N or later with "N+".
function __clb_listener_at
    set -l state (__clb_listener_state)
    test "$state[1]" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    if string match -q -- '*+' $argv[2]
        test $state[2] -ge (string replace '+' '' -- $argv[2])
    else
        test $state[2] -eq $argv[2]
    end
end

# True when the word before the cursor is one of $argv.
function __clb_listener_after
    set -l tokens (commandline -opc)
    test (count $tokens) -gt 1; and contains -- $tokens[-1] $argv
end

# No file names unless an option or argument asks for them.
complete -c clb-listener -f

# clb-listener
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'create' -d 'create one listener per port on a load balancer (CreateListener), and wait for it'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'apply' -d 'make load balancers have the listeners a file describes (create, update, and with --prune delete)'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'export' -d 'print an apply file describing the listeners that exist (YAML, or JSON with -o json)'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'wait' -d 'wait for a task (the RequestId a write returned) to finish (DescribeTaskStatus)'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'list' -d 'list the listeners of a load balancer (DescribeListeners)'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'delete' -d 'delete listeners of a load balancer by id (DeleteLoadBalancerListeners), and wait'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'rule' -d 'forwarding rules of an HTTP/HTTPS listener: create, modify, delete, list'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'target' -d 'bind targets (backends) to a listener (RegisterTargets)'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'configure' -d 'create or update a tccli-compatible profile: prompts in a terminal; use the subcommands in scripts'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'whoami' -d 'show which credentials (SecretId masked), role, region and endpoint commands would use, and where each comes from; calls no CLB API'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'emulator' -d 'run a local CLB API emulator on loopback (for tests, demos and CI)'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'completion' -d 'print the shell completion script for bash, zsh or fish'
complete -c clb-listener -n '__clb_listener_at \'\' 0' -f -a 'help' -d 'display help for command'
complete -c clb-listener -n '__clb_listener_at \'\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'\'' -l help -s h -d 'show help'

# clb-listener create
complete -c clb-listener -n '__clb_listener_at \'create\'' -l load-balancer-id -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ports -r -f -d 'listener port(s), one listener per port; repeat or comma-separate [1–65535]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l protocol -r -f -a 'TCP UDP HTTP HTTPS TCP_SSL QUIC' -d 'listener protocol (case-insensitive)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l listener-names -r -f -d 'listener name(s), matched to the ports by position [1–80 characters]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l session-expire-time -r -f -d 'session persistence in seconds (0 = off) [0 or 30–3600]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l scheduler -r -f -a 'WRR LEAST_CONN' -d 'forwarding mode'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l target-type -r -f -a 'NODE TARGETGROUP TARGETGROUP-V2' -d 'real server type'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l session-type -r -f -a 'NORMAL QUIC_CID' -d 'session persistence type (QUIC_CID: UDP with WRR only)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l end-port -r -f -d 'end port of a port-range listener (exactly one --port, lower than this) [2–65535]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l proxy-protocol -d 'use Proxy Protocol (TCP_SSL and QUIC)'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --proxy-protocol' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-proxy-protocol -d 'send ProxyProtocol=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l snat-enable -d 'SNAT: replace the client source IP'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --snat-enable' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-snat-enable -d 'send SnatEnable=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l full-end-ports -r -f -d 'end ports of full-port-range listeners [2–65535]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l h2c-switch -d 'h2c on a private-network HTTP listener'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --h2c-switch' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-h2c-switch -d 'send H2cSwitch=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l data-compress-mode -r -f -a 'transparent compatibility' -d 'data compression mode'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l certificate -r -f -d 'Key=Value,... | JSON | file://path (or the friendly --cert-* flags)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l sni-switch -d 'SNI on (1) or off (0) [0–1]'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --sni-switch' -f -a '1 0'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-sni-switch -d 'send SniSwitch=0'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l multi-cert-info -r -f -d 'several server certificates of different algorithms: JSON | file://path'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ssl-close-switch -d 'strip SSL so a TCP_SSL listener behaves as TCP'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --ssl-close-switch' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-ssl-close-switch -d 'send SslCloseSwitch=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l cert-id -r -f -d 'existing server certificate id'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ssl-mode -r -f -a 'UNIDIRECTIONAL MUTUAL' -d 'UNIDIRECTIONAL (default) or MUTUAL'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ca-cert-id -r -f -d 'existing client CA certificate id (MUTUAL)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ssl-verify-client -r -f -a 'ON OPTIONAL' -d 'ON or OPTIONAL (MUTUAL)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l cert-file -r -F -d 'server certificate PEM to upload ("-" = stdin)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l key-file -r -F -d 'private key PEM of --cert-file ("-" = stdin)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l cert-name -r -f -d 'name for the uploaded certificate (default: from its subject)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ca-file -r -F -d 'client CA PEM to upload (MUTUAL)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l ca-name -r -f -d 'name for the uploaded CA (default: from its subject)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l health-check -r -f -a 'on off' -d 'on | off | Key=Value,... | JSON | file://path'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l keepalive-enable -d 'persistent connections on (1) or off (0) [0–1]'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --keepalive-enable' -f -a '1 0'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-keepalive-enable -d 'send KeepaliveEnable=0'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l max-conn -r -f -d 'max connections per listener (-1 = unlimited) [-1 or at least 1]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l max-cps -r -f -d 'max new connections per second (-1 = unlimited) [-1 or at least 1]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l idle-connect-timeout -r -f -d 'idle connection timeout in seconds [10–3600]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l deregister-target-rst -d 'reschedule when a real server is unbound'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --deregister-target-rst' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-deregister-target-rst -d 'send DeregisterTargetRst=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l reschedule-target-zero-weight -d 'reschedule when a real server weight becomes 0'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --reschedule-target-zero-weight' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-reschedule-target-zero-weight -d 'send RescheduleTargetZeroWeight=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l reschedule-unhealthy -d 'reschedule when a real server fails health checks'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --reschedule-unhealthy' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-reschedule-unhealthy -d 'send RescheduleUnhealthy=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l reschedule-expand-target -d 'reschedule when real servers are added or removed'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --reschedule-expand-target' -f -a 'true false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-reschedule-expand-target -d 'send RescheduleExpandTarget=false'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l reschedule-start-time -r -f -d 'delay before rescheduling starts, in seconds [0–3600]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l reschedule-interval -r -f -d 'duration of rescheduling, in seconds [0–3600]'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l rule -r -f -d 'a forwarding rule of an HTTP/HTTPS listener (RuleInput): Domain=…,Url=… | JSON | file://path; repeat for more'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l target -r -f -d 'a target for the listener: INSTANCE:PORT[:WEIGHT], IP:PORT[:WEIGHT] or JSON with the API\'s Target fields; repeat for more (TCP, UDP, TCP_SSL, QUIC)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l wait-healthy -d 'after binding, wait until the targets report healthy (DescribeTargetHealth); give up after SECONDS (default: 300), exit 11'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l from-file -r -F -d 'request body with API field names, JSON or YAML ("-" = stdin)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l cli-input-json -r -f -d 'same as --from-file (tccli\'s name; file://PATH, a path or -)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l skeleton -d 'print a request body with every field, for --from-file'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l generate-cli-skeleton -d 'same as --skeleton (tccli\'s name)'
complete -c clb-listener -n '__clb_listener_at \'create\'; and __clb_listener_after --generate-cli-skeleton' -f -a 'input'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l dry-run -d 'validate and print the request that would be sent; send nothing'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l interactive -s i -d 'ask for what the flags did not give (certificates walk-through)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l validate -d 'check the request against the API rules (the default; overrides CLB_LISTENER_VALIDATE and the profile)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-validate -d 'send what was given after type checks; rule violations become warnings (or CLB_LISTENER_VALIDATE=false)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l if-not-exists -d 'keep listeners already on the ports (same protocol and name), create only the missing ones'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-wait -d 'return once the API accepts; follow later with clb-listener wait'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l wait-timeout -r -f -d 'give up waiting after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx) (= --load-balancer-id)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l port -r -f -d 'listener port(s), one listener per port; repeat or comma-separate (= --ports)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l name -r -f -d 'listener name(s), matched to the ports by position (= --listener-names)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'create\'' -l quiet -s q -d 'print only data and errors'

# clb-listener apply
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l file -s f -r -F -d 'the listeners file, YAML or JSON ("-" = stdin)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l plan -d 'show what would change, per listener; send nothing but reads'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l detailed-exitcode -d 'with --plan: exit 0 when nothing would change, 10 when changes are pending'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l prune -d 'also delete listeners on the named load balancers that the file does not describe, within its prune: scope'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l yes -s y -d 'do not ask before deleting (needed for --prune without a terminal)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l schema -d 'print the file\'s JSON Schema (for editors) and exit'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l validate -d 'check every entry against the API rules (the default; overrides CLB_LISTENER_VALIDATE and the profile)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l no-validate -d 'send what the file gives after type checks; rule violations become warnings'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l wait-timeout -r -f -d 'give up waiting for one task after this long (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l wait-healthy -d 'after binding, wait until the targets report healthy (DescribeTargetHealth); give up after SECONDS (default: 300), exit 11'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'apply\'' -l quiet -s q -d 'print only data and errors'

# clb-listener export
complete -c clb-listener -n '__clb_listener_at \'export\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx); repeat for several'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l port -r -f -d 'only the listener on this port'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l protocol -r -f -a 'TCP UDP HTTP HTTPS TCP_SSL QUIC' -d 'only listeners of this protocol'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'export\'' -l quiet -s q -d 'print only data and errors'

# clb-listener wait
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l wait-timeout -r -f -d 'give up after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'wait\'' -l quiet -s q -d 'print only data and errors'

# clb-listener list
complete -c clb-listener -n '__clb_listener_at \'list\'' -l load-balancer-id -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l port -r -f -d 'only the listener on this port'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l listener-id -r -f -d 'only these listeners (repeat or comma-separate)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l protocol -r -f -a 'TCP UDP HTTP HTTPS TCP_SSL QUIC' -d 'only listeners of this protocol'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l targets -d 'also list each listener\'s targets (DescribeTargets)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l health -d 'also list each target\'s health (DescribeTargetHealth); implies --targets'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx) (= --load-balancer-id)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l ports -r -f -d 'only the listener on this port (= --port)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'list\'' -l quiet -s q -d 'print only data and errors'

# clb-listener delete
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l load-balancer-id -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l listener-id -r -f -d 'listener to delete (repeat or comma-separate, at most 20); required'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l dry-run -d 'print the request that would be sent; send nothing'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l no-wait -d 'return once the API accepts'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l wait-timeout -r -f -d 'give up waiting after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx) (= --load-balancer-id)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'delete\'' -l quiet -s q -d 'print only data and errors'

# clb-listener rule
complete -c clb-listener -n '__clb_listener_at \'rule\' 0' -f -a 'create' -d 'create forwarding rules on a listener (CreateRule), and wait'
complete -c clb-listener -n '__clb_listener_at \'rule\' 0' -f -a 'modify' -d 'change a rule (ModifyRule) or a domain (ModifyDomainAttributes: certificate, Http2, Quic, default domain), and wait'
complete -c clb-listener -n '__clb_listener_at \'rule\' 0' -f -a 'delete' -d 'delete forwarding rules (DeleteRule), and wait'
complete -c clb-listener -n '__clb_listener_at \'rule\' 0' -f -a 'list' -d 'list a listener\'s forwarding rules'
complete -c clb-listener -n '__clb_listener_at \'rule\' 0' -f -a 'help' -d 'display help for command'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'rule\'' -l quiet -s q -d 'print only data and errors'

# clb-listener rule create
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l listener-id -r -f -d 'the listener (lbl-xxxxxxxx); or --port'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l port -r -f -d 'the listener on this port; or --listener-id'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l dry-run -d 'print the requests that would be sent; send nothing'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l wait-timeout -r -f -d 'give up waiting after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l rule -r -f -d 'a rule (RuleInput): Domain=…,Url=… | JSON | file://path; repeat for more (one CreateRule)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l if-not-exists -d 'keep rules already there (same domain and URL); create only the missing ones'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'rule create\'' -l quiet -s q -d 'print only data and errors'

# clb-listener rule modify
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l listener-id -r -f -d 'the listener (lbl-xxxxxxxx); or --port'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l port -r -f -d 'the listener on this port; or --listener-id'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l dry-run -d 'print the requests that would be sent; send nothing'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l wait-timeout -r -f -d 'give up waiting after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l rule -r -f -d 'the rule as it should be, found by Domain and Url; with Domain alone, only domain settings (certificate, Http2, Quic, DefaultServer)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'rule modify\'' -l quiet -s q -d 'print only data and errors'

# clb-listener rule delete
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l listener-id -r -f -d 'the listener (lbl-xxxxxxxx); or --port'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l port -r -f -d 'the listener on this port; or --listener-id'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l dry-run -d 'print the requests that would be sent; send nothing'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l wait-timeout -r -f -d 'give up waiting after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l location-id -r -f -d 'rule id (loc-xxxxxxxx); repeat or comma-separate'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l domain -r -f -d 'the rule by its domain (with --url)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l url -r -f -d 'the rule by its URL (with --domain)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l new-default-domain -r -f -d 'the domain that becomes the default when the default one is deleted'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l if-exists -d 'a rule that is not there is not an error'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'rule delete\'' -l quiet -s q -d 'print only data and errors'

# clb-listener rule list
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l listener-id -r -f -d 'the listener (lbl-xxxxxxxx); or --port'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l port -r -f -d 'the listener on this port; or --listener-id'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'rule list\'' -l quiet -s q -d 'print only data and errors'

# clb-listener rule help
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'rule help\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'rule help\' 0' -f -a 'create modify delete list'

# clb-listener target
complete -c clb-listener -n '__clb_listener_at \'target\' 0' -f -a 'add' -d 'bind targets to a TCP/UDP/TCP_SSL/QUIC listener, or to a rule of an HTTP/HTTPS one; those already bound are kept (safe to re-run)'
complete -c clb-listener -n '__clb_listener_at \'target\' 0' -f -a 'help' -d 'display help for command'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'target\'' -l quiet -s q -d 'print only data and errors'

# clb-listener target add
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l lb -r -f -d 'CLB instance id (lb-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l listener-id -r -f -d 'the listener (lbl-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l location-id -r -f -d 'for an HTTP/HTTPS listener: the rule (loc-xxxxxxxx)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l domain -r -f -d 'for an HTTP/HTTPS listener: the rule\'s domain (with --url)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l url -r -F -d 'for an HTTP/HTTPS listener: the rule\'s URL path (with --domain)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l target -r -f -d 'a target for the listener: INSTANCE:PORT[:WEIGHT], IP:PORT[:WEIGHT] or JSON with the API\'s Target fields; repeat for more (TCP, UDP, TCP_SSL, QUIC)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l wait-healthy -d 'after binding, wait until the targets report healthy (DescribeTargetHealth); give up after SECONDS (default: 300), exit 11'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l wait-timeout -r -f -d 'give up waiting for a task after this long, exit 5 (default: 300)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'target add\'' -l quiet -s q -d 'print only data and errors'

# clb-listener target help
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'target help\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'target help\' 0' -f -a 'add'

# clb-listener configure
complete -c clb-listener -n '__clb_listener_at \'configure\' 0' -f -a 'set' -d 'set profile values without prompting'
complete -c clb-listener -n '__clb_listener_at \'configure\' 0' -f -a 'unset' -d 'remove values from the profile (e.g. a role-arn or a stale token)'
complete -c clb-listener -n '__clb_listener_at \'configure\' 0' -f -a 'get' -d 'print one profile value (secrets masked)'
complete -c clb-listener -n '__clb_listener_at \'configure\' 0' -f -a 'list' -d 'print every profile value (secrets masked)'
complete -c clb-listener -n '__clb_listener_at \'configure\' 0' -f -a 'show' -d 'same as whoami'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'configure\'' -l quiet -s q -d 'print only data and errors'

# clb-listener configure set
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'configure set\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 0' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 2' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 4' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 6' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 8' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 10' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 12' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 14' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 16' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 18' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 20' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'
complete -c clb-listener -n '__clb_listener_at \'configure set\' 22' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'

# clb-listener configure unset
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'configure unset\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'configure unset\' 0+' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'

# clb-listener configure get
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'configure get\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'configure get\' 0' -f -a 'secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role'

# clb-listener configure list
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'configure list\'' -l quiet -s q -d 'print only data and errors'

# clb-listener configure show
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'configure show\'' -l quiet -s q -d 'print only data and errors'

# clb-listener whoami
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'whoami\'' -l quiet -s q -d 'print only data and errors'

# clb-listener emulator
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l host -r -f -d 'loopback address to listen on (127.0.0.0/8, ::1, localhost)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l port -r -f -d 'port to listen on; 0 picks a free one'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l secret-id -r -f -d 'SecretId to accept (default: random AKID…)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l secret-key -r -f -d 'SecretKey to accept (default: random; these are throwaway test keys)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l token -r -f -d 'require this X-TC-Token, like temporary credentials'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l region -r -f -d 'region served (default: $TENCENTCLOUD_REGION, then the profile\'s, else ap-guangzhou)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l load-balancers -r -f -d 'comma-separated load balancer ids to seed (default: lb-emu00001,lb-emu00002,lb-emu00003)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l task-delay -r -f -d 'how long tasks stay in progress (default: 1000)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l rate-limit -r -f -d 'requests per action per second (default: 20)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l listener-quota -r -f -d 'listeners per load balancer (default: 50)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l instances -r -f -d 'comma-separated instance ids targets may name (default: ins-emu00001 … ins-emu00008)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l target-health-delay -r -f -d 'how long a newly bound target reports Unknown before Alive (default: 2000)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l state -r -F -d 'load load balancers and listeners from this JSON file, save them on every change'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l certificates -r -F -d 'more certificates for DescribeCertificates (JSON array), beside the seeded ones'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l log -d 'one line per API request on stderr'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l accept-sdk-forms -d 'also accept GET, HmacSHA1/HmacSHA256 (v1) signatures and the TC3 unsigned payload'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'emulator\'' -l quiet -s q -d 'print only data and errors'

# clb-listener completion
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'completion\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'completion\' 0' -f -a 'bash zsh fish'

# clb-listener help
complete -c clb-listener -n '__clb_listener_at \'help\'' -l version -s V -d 'print the version'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l profile -r -f -d 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l region -r -f -d 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l endpoint -r -f -d 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l language -r -f -a 'zh-CN en-US' -d 'language of messages, also asked of the API (default: $CLB_LISTENER_LANG, the profile, the locale)'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l output -s o -r -f -a 'text json table' -d 'output format'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l query -r -f -d 'JMESPath expression applied to the JSON result'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l filter -r -f -d 'same as --query (tccli\'s name for it)'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l no-color -d 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l request-timeout -r -f -d 'timeout of each API request (default: 30)'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l debug -d 'redacted wire log on stderr'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l quiet -s q -d 'print only data and errors'
complete -c clb-listener -n '__clb_listener_at \'help\'' -l help -s h -d 'show help'
complete -c clb-listener -n '__clb_listener_at \'help\' 0' -f -a 'create apply export wait list delete rule target configure whoami emulator completion'
