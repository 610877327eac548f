"""Tests of the crisis detection engine."""
