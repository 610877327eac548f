# Empathy Desk image: one image for web (ASGI), worker and beat; the command picks the role.
# Build stage: dependencies into a virtualenv, static files collected. Wheels only, so the
# final image needs no compiler; the final stage copies the venv and the code, nothing else.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY requirements.txt .
RUN pip install --only-binary=:all: -r requirements.txt
COPY . .
# The emotion model ships in the repository (empathy/models/): baked into the image, never
# fetched at run time. collectstatic runs with the development key, which is never used later.
RUN DJANGO_DEBUG=true python manage.py collectstatic --noinput -v 0 \
    && python -m compileall -q config core empathy conversations knowledge escalations pipeline agents_console

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_DEBUG=false \
    PORT=8000 \
    WORKER_METRICS_PORT=9100
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=root:root /app /app
USER 10001:10001
EXPOSE 8000 9100
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=4).status != 200)"]
# One uvicorn process per container: each process has its own metrics registry, so scale with
# replicas, not --workers. Graceful shutdown lets in-flight requests finish after SIGTERM.
CMD ["uvicorn", "config.asgi:application", "--host", "0.0.0.0", "--port", "8000", "--lifespan", "off", "--no-proxy-headers", "--timeout-graceful-shutdown", "25", "--no-access-log"]
