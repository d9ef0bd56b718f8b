#!/usr/bin/env python3
# Where the request threads spend their time in a JFR recording: python3 bench/jfr-top.py recording.jfr
# (jdk.ExecutionSample events of http-nio-* threads: top leaf frames, share of stacks through each part, first Clearskin frame)
import json, subprocess, sys, collections
f=sys.argv[1]
out=subprocess.run(['jfr','print','--json','--events','jdk.ExecutionSample',f],capture_output=True,text=True).stdout
ev=json.loads(out)['recording']['events']
leaf=collections.Counter(); incl=collections.Counter(); app=collections.Counter()
marks={'jackson (JSON writing)':'tools.jackson','OffsetDateTime formatting':'java.time.format','AvailabilityEngine':'booking.engine',
 'JDBC/PostgreSQL driver':'org.postgresql','Hikari':'com.zaxxer','Spring Security filters':'org.springframework.security',
 'Tomcat/NIO I/O':'org.apache.coyote','Thymeleaf':'thymeleaf','ScheduleLoader':'ScheduleLoader','Availability.search':'booking.Availability.',
 'AvailabilityApi':'AvailabilityApi','Clinics.bySlug':'clinics.Clinics.bySlug','Requirements.terms':'Requirements.terms','RateLimiter':'RateLimiter',
 'gzip/compression':'zip','Micrometer':'micrometer','logging':'logback'}
n=0
for e in ev:
    frames=e['values']['stackTrace']['frames']
    th=(e['values'].get('sampledThread') or {}).get('javaName') or ''
    if not frames or 'http-nio' not in th: continue
    n+=1
    names=[fr['method']['type']['name'].replace('/','.')+'.'+fr['method']['name'] for fr in frames]
    leaf[names[0]]+=1
    for k,m in marks.items():
        if any(m in x for x in names): incl[k]+=1
    for x in names:
        if x.startswith('com.clearskin') or x.startswith('com/clearskin') or 'clearskin' in x:
            app[x]+=1; break
print(f"{n} samples on request threads (http-nio-*)")
print("## Top leaf frames"); [print(f"| {c} | {100*c/n:.1f} % | `{k}` |") for k,c in leaf.most_common(15)]
print("## Inclusive (stack contains)"); [print(f"| {k} | {c} | {100*c/n:.1f} % |") for k,c in incl.most_common()]
print("## First Clearskin frame"); [print(f"| {c} | {100*c/n:.1f} % | `{k}` |") for k,c in app.most_common(12)]
